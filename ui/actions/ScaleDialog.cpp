#include "actions/ScaleDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vigia::ui {

ScaleDialog::ScaleDialog(const actions::ActionSpec &spec, QWidget *parent) : QDialog(parent), m_spec(spec)
{
    m_spec.kind = actions::ActionKind::Scale;
    setWindowTitle(tr("Scale %1").arg(spec.objectName));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto *object =
        new QLabel(actions::objectKindName(spec.objectKind) + QLatin1Char('/') + spec.objectName, this);
    object->setTextFormat(Qt::PlainText);
    form->addRow(tr("Object:"), object);
    auto *ns = new QLabel(spec.namespaceName + QStringLiteral(" @ ") + spec.server, this);
    ns->setTextFormat(Qt::PlainText);
    form->addRow(tr("Namespace:"), ns);
    auto *current =
        new QLabel(spec.currentReplicas >= 0 ? QString::number(spec.currentReplicas) : tr("unknown"), this);
    current->setObjectName(QStringLiteral("currentReplicas"));
    form->addRow(tr("Current replicas:"), current);
    m_spin = new QSpinBox(this);
    m_spin->setRange(0, 100);
    m_spin->setValue(qMax(0, spec.currentReplicas));
    form->addRow(tr("New replicas:"), m_spin);
    layout->addLayout(form);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Continue…"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    auto update = [this, buttons]() {
        const int v = m_spin->value();
        buttons->button(QDialogButtonBox::Ok)->setEnabled(v != m_spec.currentReplicas);
        if (v == 0)
            m_hint->setText(tr("⚠ 0 stops every pod: the workload stops serving."));
        else if (v == m_spec.currentReplicas)
            m_hint->setText(tr("Same as now: nothing to do."));
        else
            m_hint->setText(QString());
    };
    connect(m_spin, &QSpinBox::valueChanged, this, update);
    update();
    m_spin->setFocus();
    m_spin->selectAll();
}

int ScaleDialog::replicas() const
{
    return m_spin->value();
}

actions::ActionSpec ScaleDialog::result() const
{
    actions::ActionSpec s = m_spec;
    s.replicas = replicas();
    return s;
}

} // namespace vigia::ui
