#include "data/DataPage.h"

#include "data/DataWorkspace.h"
#include "db/SnapshotCache.h"
#include "session/Session.h"

#include <QLabel>
#include <QTimeZone>
#include <QVBoxLayout>

namespace vigia::ui {

DataPage::DataPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("dataTab"));
    auto *dl = new QVBoxLayout(this);
    dl->setContentsMargins(0, 4, 0, 0);
    m_placeholder = new QLabel(tr("Connect to a server to see its data."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    dl->addWidget(m_placeholder);
}

void DataPage::attach(session::Session *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (!session)
        return;
    connect(session, &session::Session::starting, this, &DataPage::onStarting);
    connect(session, &session::Session::ready, this, &DataPage::onReady);
    connect(session, &session::Session::servicesGone, this, [this] {
        if (m_workspace) {
            m_workspace->setRunner(nullptr);
            m_workspace->setKubectl(nullptr);
        }
    });
    if (!session->profile().name.isEmpty())
        onStarting(session->profile());
    if (session->commandRunner())
        onReady();
}

void DataPage::changeProfile(const std::function<void(Profile &)> &change)
{
    Profile p = m_session->profile();
    change(p);
    m_session->updateProfile(p);
    emit profileChanged(p);
}

void DataPage::onStarting(const Profile &profile)
{
    if (!m_workspace || m_profile != profile.name) {
        delete m_workspace;
        m_workspace = new DataWorkspace(db::SnapshotCache(profile.name), nullptr, this);
        m_workspace->setObjectName(QStringLiteral("dataWorkspace"));
        m_profile = profile.name;
        // The databases picked here belong to the profile: kept for the session at once,
        // and saved by whoever owns the profile store.
        connect(m_workspace, &DataWorkspace::sourcesChosen, this,
                [this](const QString &appointments, const QString &quotes, bool sudo) {
                    changeProfile([&](Profile &p) {
                        p.appointmentsDbPath = appointments;
                        p.quotesDbPath = quotes;
                        p.allowDbSudo = sudo;
                    });
                });
        connect(m_workspace, &DataWorkspace::mappingChosen, this, [this](const QStringList &pairs) {
            changeProfile([&](Profile &p) { p.appointmentColumns = pairs; });
        });
        m_placeholder->hide();
        layout()->addWidget(m_workspace);
    }
    DataSources sources;
    sources.appointmentsPath = profile.appointmentsDbPath;
    sources.quotesPath = profile.quotesDbPath;
    sources.allowSudo = profile.allowDbSudo;
    sources.appointmentColumns = profile.appointmentColumns;
    m_workspace->setSources(sources);
    const QTimeZone tz(profile.timeZone.toUtf8());
    m_workspace->setTimeZone(tz.isValid() ? tz : QTimeZone::systemTimeZone());
    // Nothing cached yet: take the first snapshots as soon as the connection is up.
    const bool haveSources = !sources.appointmentsPath.isEmpty() || !sources.quotesPath.isEmpty();
    m_needsSnapshot = !m_workspace->openCached() && haveSources;
}

void DataPage::onReady()
{
    if (!m_workspace || !m_session)
        return;
    m_workspace->setRunner(m_session->commandRunner());
    m_workspace->setKubectl(m_session->runner());
    if (m_needsSnapshot) {
        m_needsSnapshot = false;
        m_workspace->refresh();
    }
}

} // namespace vigia::ui
