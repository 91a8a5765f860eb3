#pragma once
// Passphrases in the system keychain (QtKeychain): service "vigia", key = the
// key file's path. Every call is async; failures (no keychain, locked, denied)
// are reported, never fatal, and never fall back to plain-text storage.
#include <QObject>
#include <QString>

namespace vigia {

class PassphraseKeychain : public QObject {
    Q_OBJECT
public:
    explicit PassphraseKeychain(QObject *parent = nullptr);

    static QString serviceName() { return QStringLiteral("vigia"); }

    // Off in tests and headless runs, where a keychain prompt would hang.
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }

    void read(const QString &keyFile);
    void write(const QString &keyFile, const QString &passphrase);
    void remove(const QString &keyFile);

signals:
    // found == false with an empty error: nothing saved for this key.
    void readFinished(const QString &keyFile, bool found, const QString &passphrase, const QString &error);
    void writeFinished(const QString &keyFile, bool ok, const QString &error);

private:
    bool m_enabled = true;
};

} // namespace vigia
