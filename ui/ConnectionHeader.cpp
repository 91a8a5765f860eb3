#include "ConnectionHeader.h"

#include "StatusStyle.h"
#include "ThemePalette.h"
#include "actions/ReadOnlyBadge.h"
#include "session/Session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace vigia::ui {

ConnectionHeader::ConnectionHeader(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("connectionHeader"));
    auto *hl = new QHBoxLayout(this);
    hl->setContentsMargins(2, 0, 2, 0);
    m_stateIcon = new QLabel(this);
    m_stateIcon->setFixedSize(18, 18);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("connectionState"));
    m_stateLabel->setTextFormat(Qt::RichText);
    m_readOnly = new ReadOnlyBadge(this);
    m_readOnly->setObjectName(QStringLiteral("readOnlyBadge"));
    m_readOnly->setToolTip(tr("This profile is read-only: Vigía sends only commands that read. A database snapshot makes a "
                              "temporary copy in your own temp folder on the server, removed as soon as it is "
                              "downloaded."));
    m_readOnly->setVisible(false);
    m_capacityWarning = new QToolButton(this);
    m_capacityWarning->setObjectName(QStringLiteral("capacityWarning"));
    m_capacityWarning->setAutoRaise(true);
    m_capacityWarning->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_capacityWarning->setIcon(severityIcon(Severity::Warning));
    m_capacityWarning->setVisible(false);
    connect(m_capacityWarning, &QToolButton::clicked, this, &ConnectionHeader::capacityWarningClicked);
    hl->addWidget(m_stateIcon);
    hl->addWidget(m_stateLabel, 1);
    hl->addWidget(m_capacityWarning);
    hl->addWidget(m_readOnly);
    update();
}

void ConnectionHeader::attach(session::Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (session)
        connect(session, &session::Session::phaseChanged, this, &ConnectionHeader::update);
    update();
}

QString ConnectionHeader::targetText(const session::Session &session)
{
    const QString where = session.serverText();
    const QString name = session.profile().name;
    if (name.isEmpty() || name == session.target().host)
        return where;
    return QStringLiteral("%1 (%2)").arg(name, where);
}

void ConnectionHeader::update()
{
    using Phase = session::Session::Phase;
    const Phase phase = m_session ? m_session->phase() : Phase::Idle;
    m_readOnly->setVisible(m_session && m_session->isReadOnly());
    Severity sev = Severity::Pending;
    QString text = QStringLiteral("<b>%1</b>").arg(session::Session::phaseName(phase).toHtmlEscaped());
    const QString target = m_session ? targetText(*m_session).toHtmlEscaped() : QString();
    const QString muted = ThemePalette::toneText(ThemePalette::Tone::Muted).name();
    switch (phase) {
    case Phase::Idle:
        sev = Severity::Unknown;
        break;
    case Phase::Connected:
        sev = Severity::Ok;
        text += tr(" to %1").arg(target);
        if (!m_session->kubectlPrefix().isEmpty())
            text += QStringLiteral(" <span style='color:%1'>· %2</span>")
                        .arg(muted, m_session->kubectlPrefix().join(QLatin1Char(' ')).toHtmlEscaped());
        break;
    case Phase::Lost:
    case Phase::Failed:
        sev = Severity::Error;
        text += QStringLiteral(" — %1").arg(target);
        break;
    default:
        text += tr(" to %1…").arg(target);
        if (!m_session->phaseDetail().isEmpty() && phase != Phase::Connecting)
            text += QStringLiteral(" <span style='color:%1'>%2</span>")
                        .arg(muted, m_session->phaseDetail().toHtmlEscaped());
        break;
    }
    m_stateIcon->setPixmap(severityIcon(sev).pixmap(16, 16));
    m_stateIcon->setToolTip(severityName(sev));
    m_stateLabel->setText(text);
}

void ConnectionHeader::setCapacityWarnings(const QStringList &warnings)
{
    m_capacityWarning->setVisible(!warnings.isEmpty());
    m_capacityWarning->setText(warnings.size() == 1 ? tr("1 capacity warning")
                                                    : tr("%1 capacity warnings").arg(warnings.size()));
    m_capacityWarning->setToolTip(warnings.join(QLatin1Char('\n')));
}

} // namespace vigia::ui
