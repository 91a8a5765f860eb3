#include "data/DataWorkspace.h"

#include "data/AppointmentsView.h"
#include "data/QuotesView.h"
#include "data/SnapshotBar.h"
#include "data/TablesView.h"
#include "db/CommandRunner.h"
#include "db/SnapshotReader.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace vigia::ui {

DataWorkspace::DataWorkspace(const db::SnapshotCache &cache, db::CommandRunner *runner, QWidget *parent)
    : QWidget(parent), m_cache(cache), m_runner(runner), m_tz(db::businessTimeZone())
{
    m_bar = new SnapshotBar(this);
    m_tabs = new QTabWidget(this);
    m_appointments = new AppointmentsView(this);
    m_quotes = new QuotesView(this);
    m_tables = new TablesView(this);
    m_tabs->addTab(m_appointments, tr("Appointments"));
    m_tabs->addTab(m_quotes, tr("Quotes"));
    m_tabs->addTab(m_tables, tr("Tables"));
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(0);
    lay->addWidget(m_bar);
    lay->addWidget(m_tabs, 1);
    connect(m_bar, &SnapshotBar::refreshRequested, this, &DataWorkspace::refresh);
    connect(m_bar, &SnapshotBar::cancelRequested, this, &DataWorkspace::cancel);
    setRunner(runner);
}

void DataWorkspace::setSources(const DataSources &sources)
{
    m_sources = sources;
}

void DataWorkspace::setRunner(db::CommandRunner *runner)
{
    if (m_job && m_job->isRunning())
        m_job->cancel();
    delete m_job;
    m_job = nullptr;
    m_runner = runner;
    if (runner) {
        m_job = new db::SnapshotJob(runner, m_cache, this);
        connect(m_job, &db::SnapshotJob::finished, this, &DataWorkspace::onFinished);
        connect(m_job, &db::SnapshotJob::stageChanged, this, [this](quint64 t, const QString &s) {
            if (t == m_token)
                m_bar->setBusy(s);
        });
        connect(m_job, &db::SnapshotJob::progress, this, [this](quint64 t, qint64 got, qint64 total) {
            if (t == m_token)
                m_bar->setProgress(got, total);
        });
    }
}

void DataWorkspace::setTimeZone(const QTimeZone &tz)
{
    m_tz = tz;
    m_appointments->setTimeZone(tz);
    m_quotes->setTimeZone(tz);
}

bool DataWorkspace::openCached()
{
    db::SnapshotInfo a, q;
    if (!m_sources.appointmentsPath.isEmpty())
        a = m_cache.latest(db::SnapshotCache::labelFor(m_sources.appointmentsPath)).value_or(db::SnapshotInfo{});
    if (!m_sources.quotesPath.isEmpty())
        q = m_cache.latest(db::SnapshotCache::labelFor(m_sources.quotesPath)).value_or(db::SnapshotInfo{});
    if (a.localPath.isEmpty() && q.localPath.isEmpty())
        return false;
    showSnapshots(a, q, true);
    return true;
}

void DataWorkspace::showSnapshots(const db::SnapshotInfo &appointments, const db::SnapshotInfo &quotes, bool offline)
{
    m_apptInfo = appointments;
    m_quoteInfo = quotes;
    if (!appointments.localPath.isEmpty()) {
        const QString table = db::SnapshotReader::findAppointmentsTable(appointments.localPath);
        db::AppointmentMapping mapping;
        if (table != mapping.table) {
            auto cols = db::SnapshotReader::columns(appointments.localPath, table);
            QStringList names;
            if (cols)
                for (const auto &c : cols.value())
                    names << c.name;
            mapping = db::AppointmentMapping::guess(table, names);
        }
        auto rows = db::SnapshotReader::appointments(appointments.localPath, mapping);
        if (rows)
            m_appointments->setAppointments(rows.value());
        else
            m_bar->showError(rows.error());
        (void)m_tables->openDatabase(appointments.localPath);
    }
    if (!quotes.localPath.isEmpty()) {
        auto rows = db::SnapshotReader::quotes(quotes.localPath);
        if (rows)
            m_quotes->setQuotes(rows.value());
    }
    setTimeZone(m_tz);
    const db::SnapshotInfo &shown = appointments.takenAt.isValid() ? appointments : quotes;
    if (shown.takenAt.isValid())
        m_bar->setSnapshot(shown, offline);
}

void DataWorkspace::refresh()
{
    if (!m_job) {
        m_bar->showError(makeError(tr("Not connected: showing the last snapshot."), {}, QStringLiteral("db.not-connected")));
        return;
    }
    m_queue.clear();
    if (!m_sources.appointmentsPath.isEmpty())
        m_queue << m_sources.appointmentsPath;
    if (!m_sources.quotesPath.isEmpty())
        m_queue << m_sources.quotesPath;
    m_anyFailed = false;
    startNext();
}

void DataWorkspace::cancel()
{
    m_queue.clear();
    if (m_job)
        m_job->cancel();
    m_bar->setIdle();
}

void DataWorkspace::startNext()
{
    if (m_queue.isEmpty()) {
        showSnapshots(m_apptInfo, m_quoteInfo, false);
        emit refreshed(!m_anyFailed);
        return;
    }
    db::SnapshotRequest req;
    req.remotePath = m_queue.takeFirst();
    req.allowSudo = m_sources.allowSudo;
    req.method = m_sources.method;
    m_token = m_job->start(req);
}

void DataWorkspace::onFinished(quint64 token, const db::SnapshotOutcome &outcome)
{
    if (token != m_token)
        return;
    if (outcome.cancelled)
        return;
    if (!outcome.ok) {
        m_anyFailed = true;
        m_queue.clear();
        m_bar->showError(outcome.error);
        emit refreshed(false);
        return;
    }
    if (outcome.info.remotePath == m_sources.appointmentsPath)
        m_apptInfo = outcome.info;
    else
        m_quoteInfo = outcome.info;
    startNext();
}

} // namespace vigia::ui
