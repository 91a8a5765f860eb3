#include "ConnectionBanner.h"

#include "StatusStyle.h"
#include "ThemePalette.h"
#include "ThemedStyleSheet.h"
#include "session/Session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace vigia::ui {

namespace {
QString escaped(const QString &s)
{
    return s.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}
} // namespace

ConnectionBanner::ConnectionBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("errorBanner"));
    ThemedStyleSheet::bind(this, [](bool dark) {
        const ThemePalette::Banner b = ThemePalette::banner(ThemePalette::Tone::Error, dark);
        return QStringLiteral("#errorBanner { background: %1; border: 1px solid %2; border-radius: 4px; }"
                              " #errorBanner QLabel { color: %3; }")
            .arg(b.background.name(), b.border.name(), b.text.name());
    });
    auto *bl = new QHBoxLayout(this);
    bl->setContentsMargins(10, 6, 10, 6);
    auto *icon = new QLabel(this);
    icon->setPixmap(severityIcon(Severity::Error).pixmap(20, 20));
    icon->setAlignment(Qt::AlignTop);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("errorBannerText"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(this);
    m_retry->setObjectName(QStringLiteral("errorBannerRetry"));
    bl->addWidget(icon);
    bl->addWidget(m_text, 1);
    bl->addWidget(m_retry, 0, Qt::AlignTop);
    setVisible(false);
}

void ConnectionBanner::attach(session::Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    hide();
    if (!session)
        return;
    connect(session, &session::Session::phaseChanged, this, &ConnectionBanner::onPhase);
    connect(session, &session::Session::podsFailed, this, [this](const Error &e) { showError(e, false); });
    connect(session, &session::Session::podsUpdated, this, &QWidget::hide);
    onPhase();
}

void ConnectionBanner::onPhase()
{
    using Phase = session::Session::Phase;
    switch (m_session->phase()) {
    case Phase::Lost:
    case Phase::Failed:
        showError(m_session->lastError(), true);
        break;
    case Phase::Connecting:
        hide();
        break;
    default:
        break;
    }
}

void ConnectionBanner::showError(const Error &error, bool connectionProblem)
{
    if (!m_session)
        return;
    QString html = QStringLiteral("<b>%1</b>")
                       .arg(escaped(error.message.isEmpty() ? tr("Something went wrong.") : error.message));
    if (!error.hint.isEmpty())
        html += QStringLiteral("<br>%1").arg(escaped(error.hint));
    const QDateTime at = m_session->lastUpdated();
    if (m_session->podCount() > 0 && at.isValid())
        html += QStringLiteral("<br><i>%1</i>")
                    .arg(tr("Showing data from %1 — it may be out of date.")
                             .arg(at.toString(QStringLiteral("HH:mm:ss")))
                             .toHtmlEscaped());
    if (connectionProblem && m_session->nextRetryAt().isValid())
        html += QStringLiteral("<br>%1").arg(tr("Reconnecting by itself at %1; Reconnect tries now.")
                                                 .arg(m_session->nextRetryAt().toString(QStringLiteral("HH:mm:ss")))
                                                 .toHtmlEscaped());
    m_text->setText(html);
    m_retry->disconnect();
    m_retry->setText(connectionProblem ? tr("Reconnect") : tr("Retry"));
    connect(m_retry, &QPushButton::clicked, m_session,
            connectionProblem ? &session::Session::reconnect : &session::Session::refreshPods);
    setVisible(true);
}

} // namespace vigia::ui
