#include "cluster/StaleBanner.h"

#include "ThemePalette.h"
#include "ThemedStyleSheet.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace vigia::cluster {

StaleBanner::StaleBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("staleBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 6, 8, 6);
    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignTop);
    row->addWidget(m_icon);
    auto *col = new QVBoxLayout;
    col->setSpacing(2);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("bannerMessage"));
    m_message->setWordWrap(true);
    QFont bold = m_message->font();
    bold.setBold(true);
    m_message->setFont(bold);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("bannerHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stale = new QLabel(this);
    m_stale->setObjectName(QStringLiteral("bannerStale"));
    col->addWidget(m_message);
    col->addWidget(m_hint);
    col->addWidget(m_stale);
    row->addLayout(col, 1);
    m_retry = new QPushButton(tr("Retry now"), this);
    m_retry->setObjectName(QStringLiteral("bannerRetry"));
    row->addWidget(m_retry, 0, Qt::AlignTop);
    connect(m_retry, &QPushButton::clicked, this, &StaleBanner::retryRequested);
    hide();
}

QString StaleBanner::staleTextFor(const QDateTime &lastGood, const QDateTime &now)
{
    if (!lastGood.isValid())
        return tr("No data has been received yet.");
    const QDateTime local = lastGood.toLocalTime();
    const QString when = local.date() == now.toLocalTime().date()
                             ? local.toString(QStringLiteral("HH:mm:ss"))
                             : local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return tr("Showing the last good data from %1 (stale).").arg(when);
}

void StaleBanner::showProblem(const Error &error, const QDateTime &lastGood, Level level, int retryInMs)
{
    QStyle::StandardPixmap px = level == Level::Error     ? QStyle::SP_MessageBoxCritical
                                : level == Level::Warning ? QStyle::SP_MessageBoxWarning
                                                          : QStyle::SP_MessageBoxInformation;
    m_icon->setPixmap(style()->standardIcon(px).pixmap(24, 24));
    const ThemePalette::Tone tone = level == Level::Error     ? ThemePalette::Tone::Error
                                    : level == Level::Warning ? ThemePalette::Tone::Warning
                                                              : ThemePalette::Tone::Info;
    // A style sheet, not a palette: it is set again when the theme flips.
    ThemedStyleSheet::bind(this, [tone](bool dark) {
        const ThemePalette::Banner b = ThemePalette::banner(tone, dark);
        return QStringLiteral("#staleBanner { background: %1; border: 1px solid %2; border-radius: 3px; }"
                              " #staleBanner QLabel { color: %3; }")
            .arg(b.background.name(), b.border.name(), b.text.name());
    });
    QString msg = error.message;
    if (retryInMs > 0)
        msg += tr(" Retrying in %n s.", nullptr, int((retryInMs + 999) / 1000));
    m_message->setText(msg);
    m_hint->setText(error.hint);
    m_hint->setVisible(!error.hint.isEmpty());
    m_stale->setText(staleTextFor(lastGood));
    m_stale->setVisible(true);
    show();
}

void StaleBanner::setStaleLineVisible(bool visible)
{
    m_stale->setVisible(visible);
}

void StaleBanner::showWatcher(const kube::ResourceWatcher &watcher)
{
    using S = kube::ResourceWatcher::State;
    switch (watcher.state()) {
    case S::Live:
    case S::Idle:
        if (watcher.state() == S::Live || !watcher.hasData()) {
            clear();
            return;
        }
        showProblem(makeError(tr("Not watching the cluster."), tr("Reconnect to see live data again.")),
                    watcher.staleSince(), Level::Warning);
        return;
    case S::Connecting:
        if (watcher.lastError().message.isEmpty()) {
            clear();
            return;
        }
        [[fallthrough]];
    case S::Reconnecting:
    case S::Failed: {
        Error e = watcher.lastError();
        if (e.message.isEmpty())
            e = makeError(tr("Reconnecting to the cluster…"));
        showProblem(e, watcher.hasData() ? watcher.staleSince() : QDateTime(),
                    watcher.state() == S::Failed ? Level::Error : Level::Warning, watcher.nextRetryMs());
        return;
    }
    }
}

void StaleBanner::clear()
{
    hide();
}

QString StaleBanner::message() const
{
    return m_message->text();
}

QString StaleBanner::hint() const
{
    return m_hint->text();
}

QString StaleBanner::staleText() const
{
    return m_stale->text();
}

} // namespace vigia::cluster
