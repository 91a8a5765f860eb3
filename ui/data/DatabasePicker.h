#pragma once
// Which databases the Data tab shows: the discovered ones (PVC -> local-path
// folder -> *.db / *.sqlite / *.sqlite3, with sudo -n when allowed) or paths
// typed in, one for appointments and one for quotes. "Use these" hands the
// choice to the workspace, which remembers it for the profile.
#include "db/DbDiscovery.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace vigia::ui {

class DatabasePicker : public QWidget {
    Q_OBJECT
public:
    explicit DatabasePicker(QWidget *parent = nullptr);
    // The paths in use (preselected; kept even when discovery does not list them).
    void setCurrent(const QString &appointmentsPath, const QString &quotesPath, bool allowSudo);
    void setDiscoveryAvailable(bool available, const QString &why = {});
    void setBusy();
    void showOutcome(const db::DiscoveryOutcome &outcome);

    QString appointmentsPath() const;
    QString quotesPath() const;
    bool sudo() const;
    QString statusText() const;
    QTreeWidget *fileList() const { return m_files; }
    QComboBox *appointmentsBox() const { return m_appointments; }
    QComboBox *quotesBox() const { return m_quotes; }
    QPushButton *useButton() const { return m_use; }
    QPushButton *discoverButton() const { return m_discover; }

signals:
    void discoverRequested(bool sudo);
    void chosen(const QString &appointmentsPath, const QString &quotesPath, bool sudo);
    void cancelled();

private:
    void addChoice(const QString &path);
    static void select(QComboBox *box, const QString &path);
    QLabel *m_status;
    QTreeWidget *m_files;
    QComboBox *m_appointments;
    QComboBox *m_quotes;
    QCheckBox *m_sudo;
    QPushButton *m_discover;
    QPushButton *m_use;
    QPushButton *m_cancel;
};

} // namespace vigia::ui
