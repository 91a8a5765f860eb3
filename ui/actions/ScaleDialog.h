#pragma once
#include "actions/ActionSpec.h"

#include <QDialog>

class QSpinBox;
class QLabel;

namespace vigia::ui {

// Picks the new replica count, showing the current one.
class ScaleDialog : public QDialog {
    Q_OBJECT
public:
    // spec.currentReplicas is shown and is the starting value.
    explicit ScaleDialog(const actions::ActionSpec &spec, QWidget *parent = nullptr);
    int replicas() const;
    // The spec with the chosen count, ready for confirmation.
    actions::ActionSpec result() const;
    QSpinBox *spinBox() const { return m_spin; }

private:
    actions::ActionSpec m_spec;
    QSpinBox *m_spin = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace vigia::ui
