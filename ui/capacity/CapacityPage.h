#pragma once
// The Capacity tab: memory and CPU per pod and per node against the budget, from
// the session's history and sampler. It scrolls rather than growing the window.
#include <QPointer>
#include <QScrollArea>

namespace vigia::session {
class Session;
}

namespace vigia::ui {

class CapacityView;

class CapacityPage : public QScrollArea {
    Q_OBJECT
public:
    explicit CapacityPage(QWidget *parent = nullptr);
    ~CapacityPage() override;
    void attach(session::Session *session);
    CapacityView *view() const { return m_view; }

private:
    QPointer<session::Session> m_session;
    CapacityView *m_view;
};

} // namespace vigia::ui
