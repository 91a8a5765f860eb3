#pragma once
// Asks before any change: names the server, namespace and object, says what
// will happen and shows the exact command. Cancel is the default button; a
// profile can require typing the object's name for undo and delete.
#include "actions/ActionSpec.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace vigia::ui {

class ConfirmActionDialog : public QDialog {
    Q_OBJECT
public:
    ConfirmActionDialog(const actions::ActionSpec &spec, const QString &commandLine, bool requireTypedName,
                        QWidget *parent = nullptr);

    QPushButton *confirmButton() const { return m_confirm; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLineEdit *nameEdit() const { return m_nameEdit; }
    const actions::ActionSpec &spec() const { return m_spec; }

    static QString confirmText(actions::ActionKind kind);

private:
    actions::ActionSpec m_spec;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_cancel = nullptr;
    QLineEdit *m_nameEdit = nullptr;
};

} // namespace vigia::ui
