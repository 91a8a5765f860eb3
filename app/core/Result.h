#pragma once
// An expected-style result for core boundaries: either a value or an Error
// that a person can read. Exceptions never cross signals; this does.
#include <QMetaType>
#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace vigia {

struct Error {
    // What happened, in words a user understands ("Permission denied reading k3s.yaml").
    QString message;
    // What to do about it ("Run k3s with --write-kubeconfig-mode 644, or ...").
    QString hint;
    // Optional machine-readable tag for tests and branching ("auth.rsa-sha1", "kube.refused").
    QString code;

    QString toString() const { return hint.isEmpty() ? message : message + QStringLiteral("\n") + hint; }
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error e) : m_v(std::move(e)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T *operator->() const { return &std::get<0>(m_v); }
    const T &operator*() const { return std::get<0>(m_v); }
    const Error &error() const { return std::get<1>(m_v); }
    T valueOr(T fallback) const { return ok() ? value() : fallback; }

private:
    std::variant<T, Error> m_v;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error e) : m_e(std::move(e)) {}
    bool ok() const { return !m_e.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_e; }

private:
    std::optional<Error> m_e;
};

inline Error makeError(QString message, QString hint = {}, QString code = {})
{
    return Error{std::move(message), std::move(hint), std::move(code)};
}

} // namespace vigia

Q_DECLARE_METATYPE(vigia::Error)
