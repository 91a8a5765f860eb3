#include "actions/RolloutProgressPanel.h"

#include "ThemePalette.h"

#include "actions/RolloutTracker.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigia::ui {

using namespace vigia::actions;

RolloutProgressPanel::RolloutProgressPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("rolloutProgressPanel"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    QFont tf = m_title->font();
    tf.setBold(true);
    tf.setPointSizeF(tf.pointSizeF() * 1.15);
    m_title->setFont(tf);
    layout->addWidget(m_title);

    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("rolloutBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_phase = new QLabel(this);
    m_phase->setObjectName(QStringLiteral("rolloutPhase"));
    m_phase->setTextFormat(Qt::PlainText);
    m_phase->setWordWrap(true);
    layout->addWidget(m_phase);

    m_bar = new QProgressBar(this);
    m_bar->setTextVisible(true);
    layout->addWidget(m_bar);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("rolloutCounts"));
    layout->addWidget(m_counts);

    m_pods = new QTreeWidget(this);
    m_pods->setRootIsDecorated(false);
    m_pods->setHeaderLabels({tr("Pod"), tr("Revision"), tr("Status"), tr("Ready"), tr("Restarts")});
    m_pods->header()->setStretchLastSection(false);
    m_pods->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_pods->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_pods->setMinimumHeight(110);
    layout->addWidget(m_pods, 1);

    auto *buttons = new QHBoxLayout;
    m_stop = new QPushButton(tr("Stop following"), this);
    m_logs = new QPushButton(tr("Logs of failing pod"), this);
    m_logs->setObjectName(QStringLiteral("logsButton"));
    m_undo = new QPushButton(tr("Undo rollout"), this);
    m_undo->setObjectName(QStringLiteral("undoButton"));
    buttons->addWidget(m_stop);
    buttons->addStretch(1);
    buttons->addWidget(m_logs);
    buttons->addWidget(m_undo);
    layout->addLayout(buttons);
    m_logs->hide();
    m_undo->hide();

    connect(m_stop, &QPushButton::clicked, this, &RolloutProgressPanel::stopRequested);
    connect(m_logs, &QPushButton::clicked, this, [this]() {
        emit logsRequested(m_spec.namespaceName, m_snapshot.failingPod, m_snapshot.failingContainer);
    });
    connect(m_undo, &QPushButton::clicked, this, [this]() {
        ActionSpec undo = m_spec;
        undo.kind = ActionKind::Undo;
        undo.revision = 0;
        emit undoRequested(undo);
    });
}

void RolloutProgressPanel::begin(const ActionSpec &spec)
{
    m_spec = spec;
    m_snapshot = RolloutSnapshot{};
    m_title->setText(actionTitle(spec) + QStringLiteral(" — ") + spec.namespaceName + QStringLiteral(" @ ") +
                     spec.server);
    m_banner->hide();
    m_logs->hide();
    m_undo->hide();
    m_stop->setEnabled(true);
    m_phase->setText(tr("Sending the command…"));
    m_bar->setRange(0, 0); // busy until the first status
    m_counts->clear();
    m_pods->clear();
}

void RolloutProgressPanel::attach(RolloutTracker *tracker)
{
    connect(tracker, &RolloutTracker::updated, this, &RolloutProgressPanel::setSnapshot);
    connect(this, &RolloutProgressPanel::stopRequested, tracker, &RolloutTracker::stop);
}

void RolloutProgressPanel::setBanner(const QString &text, const QString &style)
{
    m_banner->setText(text);
    m_banner->setStyleSheet(QStringLiteral("QLabel#rolloutBanner { %1; padding: 6px; border-radius: 4px; "
                                           "font-weight: bold; }")
                                .arg(style));
    m_banner->show();
}

void RolloutProgressPanel::showCommandError(const QString &message)
{
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    m_stop->setEnabled(false);
    m_phase->setText(message);
    setBanner(tr("✖ The command failed"), QStringLiteral("background: #5c1a1a; color: #ffd9d9"));
}

void RolloutProgressPanel::setSnapshot(const RolloutSnapshot &s)
{
    m_snapshot = s;
    m_phase->setText(s.phaseText);
    const int desired = qMax(0, s.desired);
    if (s.phase == RolloutPhase::Waiting && desired == 0) {
        m_bar->setRange(0, 0);
    } else {
        // Done means updated and available; the bar shows the slower of the two.
        m_bar->setRange(0, qMax(1, desired));
        m_bar->setValue(qMin(desired, qMin(s.updated, s.available)));
        m_bar->setFormat(tr("%v of %m replicas updated and available"));
    }
    m_counts->setText(tr("Updated %1/%4 · Ready %2/%4 · Available %3/%4")
                          .arg(s.updated)
                          .arg(s.ready)
                          .arg(s.available)
                          .arg(desired));

    m_pods->clear();
    for (const RolloutPod &p : s.pods) {
        auto *item = new QTreeWidgetItem(m_pods);
        item->setText(0, p.name);
        item->setText(1, p.isNew ? tr("new") : tr("old"));
        item->setText(2, p.status);
        item->setText(3, p.ready ? tr("✔ yes") : tr("✖ no"));
        item->setText(4, QString::number(p.restarts));
        if (p.name == s.failingPod) {
            item->setForeground(2, ThemePalette::toneText(ThemePalette::Tone::Error));
            item->setText(2, QStringLiteral("⚠ ") + p.status);
        }
        if (!p.isNew)
            for (int c = 0; c < 5; ++c)
                item->setForeground(c, palette().color(QPalette::Disabled, QPalette::Text));
    }

    if (s.phase == RolloutPhase::Succeeded) {
        m_bar->setValue(m_bar->maximum());
        setBanner(tr("✔ Success: rolled out in %1").arg(RolloutState::formatDuration(s.elapsedMs)),
                  QStringLiteral("background: #1b4d2b; color: #d8f5e0"));
        m_stop->setEnabled(false);
    } else if (s.phase == RolloutPhase::Failed) {
        QString what;
        switch (s.failure) {
        case RolloutFailure::ProgressDeadline:
            what = tr("progress deadline exceeded");
            break;
        case RolloutFailure::CrashLoop:
            what = tr("new pod %1 is crash-looping").arg(s.failingPod);
            break;
        case RolloutFailure::ImagePull:
            what = tr("new pod %1 cannot pull its image").arg(s.failingPod);
            break;
        case RolloutFailure::Timeout:
            what = tr("timed out");
            break;
        default:
            what = tr("could not follow the rollout");
            break;
        }
        setBanner(tr("✖ Failure: %1").arg(what), QStringLiteral("background: #5c1a1a; color: #ffd9d9"));
        m_logs->setVisible(!s.failingPod.isEmpty());
        m_undo->setVisible(s.undoOffered);
        m_stop->setEnabled(false);
    }
}

} // namespace vigia::ui
