#pragma once
// The "Activity" view: the audit trail of every change sent, live.
#include <QPointer>
#include <QWidget>

class QLineEdit;
class QTableView;

namespace vigia::actions {
class AuditLog;
}

namespace vigia::ui {

class ActivityModel;

class ActivityView : public QWidget {
    Q_OBJECT
public:
    explicit ActivityView(actions::AuditLog *audit, QWidget *parent = nullptr);
    void reload();
    ActivityModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    QPointer<actions::AuditLog> m_audit;
    ActivityModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
};

} // namespace vigia::ui
