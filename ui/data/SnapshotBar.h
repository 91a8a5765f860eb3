#pragma once
// "as of 03:12:04 · 2 min old", Refresh, and while a snapshot runs: its stage,
// a progress bar and Cancel.
#include "core/Result.h"
#include "db/SnapshotCache.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace vigia::ui {

class SnapshotBar : public QWidget {
    Q_OBJECT
public:
    explicit SnapshotBar(QWidget *parent = nullptr);
    void setSnapshot(const db::SnapshotInfo &info, bool offline = false);
    void setBusy(const QString &stage);
    void setProgress(qint64 received, qint64 total);
    void setIdle();
    void showError(const Error &error);
    QString asOfText() const;
    // The last error shown (message and hint), "" when none.
    QString errorText() const { return m_error; }

signals:
    void refreshRequested();
    void cancelRequested();
    void databasesRequested();

private:
    void updateAge();
    QLabel *m_asOf;
    QLabel *m_stage;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_refresh;
    QPushButton *m_databases;
    db::SnapshotInfo m_info;
    bool m_offline = false;
    QString m_error;
};

} // namespace vigia::ui
