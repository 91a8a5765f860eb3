#include "cluster/PodDetailsPane.h"
#include "ThemePalette.h"
#include "core/BidiControls.h"

#include "cluster/EventListModel.h"
#include "kube/PodParser.h"
#include "kube/PodQueries.h"
#include "kube/PodStatus.h"
#include "remote/KubectlRunner.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

namespace vigia::cluster {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString timeText(const QDateTime &t)
{
    if (!t.isValid())
        return QStringLiteral("\u2014");
    return QCoreApplication::translate("PodDetailsPane", "%1 (%2 ago)")
        .arg(t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
             kube::formatAge(t, QDateTime::currentDateTimeUtc()));
}

} // namespace

PodDetailsPane::PodDetailsPane(QWidget *parent) : QWidget(parent)
{
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    m_header = new QLabel(tr("Select a pod to see its details."), this);
    m_header->setObjectName(QStringLiteral("podHeader"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_header->setContentsMargins(6, 4, 6, 4);
    m_header->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copyName = new QAction(tr("Copy name"), m_header);
    copyName->setObjectName(QStringLiteral("copyPodName"));
    connect(copyName, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(m_fullName); });
    m_header->addAction(copyName);
    lay->addWidget(m_header);
    m_tabs = new QTabWidget(this);
    lay->addWidget(m_tabs, 1);

    m_overview = new QTextBrowser(this);
    m_overview->setObjectName(QStringLiteral("podOverview"));
    m_overview->setOpenLinks(false);
    m_tabs->addTab(m_overview, tr("Overview"));

    m_events = new EventListModel(this);
    auto *evProxy = new QSortFilterProxyModel(this);
    evProxy->setSourceModel(m_events);
    evProxy->setSortRole(SortRole);
    m_eventsView = new QTableView(this);
    m_eventsView->setObjectName(QStringLiteral("podEvents"));
    m_eventsView->setModel(evProxy);
    m_eventsView->setSortingEnabled(true);
    m_eventsView->sortByColumn(EventListModel::Type, Qt::AscendingOrder);
    m_eventsView->hideColumn(EventListModel::Namespace);
    m_eventsView->hideColumn(EventListModel::Object);
    m_eventsView->verticalHeader()->hide();
    m_eventsView->horizontalHeader()->setStretchLastSection(false);
    m_eventsView->horizontalHeader()->setSectionResizeMode(EventListModel::Message, QHeaderView::Stretch);
    m_eventsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tabs->addTab(m_eventsView, tr("Events"));

    auto *yamlPage = new QWidget(this);
    auto *yl = new QVBoxLayout(yamlPage);
    yl->setContentsMargins(0, 0, 0, 0);
    m_yamlSearch = new QLineEdit(yamlPage);
    m_yamlSearch->setObjectName(QStringLiteral("yamlSearch"));
    m_yamlSearch->setPlaceholderText(tr("Find in YAML (Enter: next, Shift+Enter: previous)"));
    m_yamlSearch->setClearButtonEnabled(true);
    m_yamlStatus = new QLabel(yamlPage);
    m_yaml = new QPlainTextEdit(yamlPage);
    m_yaml->setObjectName(QStringLiteral("podYaml"));
    m_yaml->setReadOnly(true);
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    yl->addWidget(m_yamlSearch);
    yl->addWidget(m_yamlStatus);
    yl->addWidget(m_yaml, 1);
    connect(m_yamlSearch, &QLineEdit::returnPressed, this, [this]() { findInYaml(m_yamlSearch->text()); });
    connect(m_yamlSearch, &QLineEdit::textEdited, this, [this](const QString &t) {
        QTextCursor c = m_yaml->textCursor();
        c.movePosition(QTextCursor::Start);
        m_yaml->setTextCursor(c);
        if (!t.isEmpty())
            findInYaml(t);
    });
    auto *prev = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Return), m_yamlSearch);
    prev->setContext(Qt::WidgetShortcut);
    connect(prev, &QShortcut::activated, this, [this]() { findInYaml(m_yamlSearch->text(), true); });
    m_tabs->addTab(yamlPage, tr("YAML"));

    m_describe = new QPlainTextEdit(this);
    m_describe->setObjectName(QStringLiteral("podDescribe"));
    m_describe->setReadOnly(true);
    m_describe->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_describe->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_describe, tr("Describe"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &PodDetailsPane::onTabChanged);
}

void PodDetailsPane::setRunner(remote::KubectlRunner *runner)
{
    if (m_runner)
        disconnect(m_runner, nullptr, this, nullptr);
    m_runner = runner;
    if (m_runner)
        connect(m_runner, &remote::KubectlRunner::finished, this, &PodDetailsPane::onFinished);
}

void PodDetailsPane::setPod(const QJsonObject &pod)
{
    const QJsonObject meta = pod.value(QLatin1StringView("metadata")).toObject();
    const QString ns = meta.value(QLatin1StringView("namespace")).toString();
    const QString name = meta.value(QLatin1StringView("name")).toString();
    const QString key = ns + QLatin1Char('/') + name;
    const bool samePod = key == m_key;
    if (samePod && pod == m_pod)
        return;
    m_pod = pod;
    if (!samePod) {
        m_key = key;
        m_ns = ns;
        m_name = name;
        m_yamlLoaded = m_describeLoaded = false;
        m_yamlToken = m_describeToken = 0;
        m_yaml->clear();
        m_describe->clear();
        m_yamlStatus->clear();
        setEvents(m_allEvents);
    }
    renderOverview();
    // An update of the YAML tab's pod refetches lazily, keeping the scroll.
    if (samePod)
        m_yamlLoaded = m_describeLoaded = false;
    onTabChanged(m_tabs->currentIndex());
}

void PodDetailsPane::clearPod()
{
    m_pod = {};
    m_key.clear();
    m_header->setText(tr("Select a pod to see its details."));
    m_overview->clear();
    m_events->setItems({});
    m_yaml->clear();
    m_describe->clear();
}

void PodDetailsPane::setEvents(const QList<kube::EventInfo> &events)
{
    m_allEvents = events;
    QList<kube::EventInfo> mine;
    for (const kube::EventInfo &e : events) {
        const QString ens = e.objectNamespace.isEmpty() ? e.ns : e.objectNamespace;
        if (e.objectKind == QLatin1String("Pod") && e.objectName == m_name && ens == m_ns)
            mine << e;
    }
    m_events->setItems(mine);
    m_tabs->setTabText(EventsTab, mine.isEmpty() ? tr("Events") : tr("Events (%1)").arg(mine.size()));
}

int PodDetailsPane::eventCount() const
{
    return m_events->rowCount();
}

void PodDetailsPane::renderOverview()
{
    const Result<kube::PodInfo> parsed = kube::parsePod(m_pod);
    if (!parsed.ok()) {
        m_header->setText(esc(parsed.error().message));
        m_overview->clear();
        return;
    }
    const kube::PodInfo &p = parsed.value();
    const QJsonObject meta = m_pod.value(QLatin1StringView("metadata")).toObject();
    const QJsonObject status = m_pod.value(QLatin1StringView("status")).toObject();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Names reach 253 characters: elided in the middle (where generated suffixes differ, the
    // ends are kept), whole in the tooltip and in "Copy name".
    const auto elide = [](const QString &s) {
        return s.size() > 60 ? s.left(36) + QChar(0x2026) + s.right(23) : s;
    };
    m_header->setToolTip(p.ns + QLatin1Char('/') + p.name);
    m_fullName = p.name;
    m_header->setText(
        tr("<b>%1</b> / <b>%2</b> &nbsp; %3 &nbsp; ready %4/%5 &nbsp; restarts %6 &nbsp; "
                       "node <b>%7</b> &nbsp; IP %8 &nbsp; age %9")
            .arg(esc(elide(p.ns)), esc(elide(p.name)), esc(p.status))
            .arg(p.readyContainers)
            .arg(p.totalContainers)
            .arg(esc(kube::formatRestarts(p.restarts, p.lastRestartAt, now)),
                 esc(p.node.isEmpty() ? tr("(not scheduled)") : p.node),
                 esc(status.value(QLatin1StringView("podIP")).toString()),
                 esc(kube::formatAge(p.createdAt, now))));
    // One block per container and per condition, not a wide table: the pane sits
    // beside the pod list and is often narrow; a six-column table wrapped its
    // headers letter by letter there.
    // The theme's error red: #b00020 on the dark theme's base would be dark on dark.
    const QString errorColour = ThemePalette::toneText(ThemePalette::Tone::Error).name();
    QString html = tr("<h3>Containers</h3>");
    for (const kube::ContainerInfo &c : p.containers) {
        QString state = c.state.isEmpty() ? tr("unknown") : c.state;
        if (!c.stateReason.isEmpty())
            state += QStringLiteral(": ") + c.stateReason;
        if (c.exitCode)
            state += tr(" (exit %1)").arg(*c.exitCode);
        const bool bad = c.stateReason.contains(QLatin1String("BackOff")) ||
                         c.stateReason.contains(QLatin1String("Err")) ||
                         c.stateReason == QLatin1String("OOMKilled") || (c.exitCode && *c.exitCode != 0);
        html += QStringLiteral("<p style='margin-top:6px; margin-bottom:0'><b>%1</b>%2 &nbsp; "
                               "<span%3>%4</span> &middot; %5 &middot; %6</p>")
                    .arg(esc(c.name), c.init ? tr(" <i>(init)</i>") : QString(),
                         bad ? QStringLiteral(" style='color:%1; font-weight:bold'").arg(errorColour) : QString(),
                         esc(state),
                         c.ready ? tr("ready") : tr("not ready"),
                         c.restartCount == 1 ? tr("1 restart") : tr("%1 restarts").arg(c.restartCount));
        html += tr("<div style='margin-left:12px'>image <tt>%1</tt>").arg(esc(c.image));
        if (!c.lastReason.isEmpty() || c.lastExitCode) {
            QString last = c.lastReason.isEmpty() ? tr("terminated") : c.lastReason;
            if (c.lastExitCode)
                last += tr(", exit code %1").arg(*c.lastExitCode);
            if (c.lastFinishedAt.isValid())
                last += tr(", finished %1").arg(timeText(c.lastFinishedAt));
            html += tr("<br>last termination: %1").arg(esc(last));
        }
        if (!c.stateMessage.isEmpty())
            html += QStringLiteral("<br><small>%1</small>").arg(esc(c.stateMessage.left(500)));
        html += QStringLiteral("</div>");
    }
    html += tr("<h3>Conditions</h3>");
    const QJsonArray conds = status.value(QLatin1StringView("conditions")).toArray();
    for (const QJsonValue &v : conds) {
        const QJsonObject c = v.toObject();
        const bool isTrue = c.value(QLatin1StringView("status")).toString() == QLatin1String("True");
        const QString reason = c.value(QLatin1StringView("reason")).toString();
        html += tr("<div><b>%1</b> <span%2>%3</span>%4 <small>since %5</small></div>")
                    .arg(esc(c.value(QLatin1StringView("type")).toString()),
                         isTrue ? QString() : QStringLiteral(" style='color:%1'").arg(errorColour),
                         esc(c.value(QLatin1StringView("status")).toString()),
                         reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(esc(reason)),
                         esc(timeText(kube::parseKubeTime(c.value(QLatin1StringView("lastTransitionTime"))))));
    }
    if (conds.isEmpty())
        html += tr("<i>none reported</i>");
    html += tr("<h3>Labels</h3>");
    const QJsonObject labels = meta.value(QLatin1StringView("labels")).toObject();
    QStringList lab;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        lab << QStringLiteral("<tt>%1=%2</tt>").arg(esc(it.key()), esc(it.value().toString()));
    html += lab.isEmpty() ? tr("<i>none</i>") : lab.join(QStringLiteral("<br>"));
    html += tr("<h3>Node</h3>%1")
                .arg(esc(p.node.isEmpty() ? tr("(not scheduled)") : p.node));
    if (!p.ownerKind.isEmpty())
        html += tr("<h3>Controlled by</h3>%1/%2").arg(esc(p.ownerKind), esc(p.ownerName));
    const int scroll = m_overview->verticalScrollBar()->value();
    m_overview->setHtml(html);
    m_overview->verticalScrollBar()->setValue(scroll);
}

QString PodDetailsPane::overviewText() const
{
    return m_header->text() + QLatin1Char('\n') + m_overview->toPlainText();
}

QString PodDetailsPane::yamlText() const
{
    return m_yaml->toPlainText();
}

void PodDetailsPane::setYaml(const QString &yaml)
{
    const int scroll = m_yaml->verticalScrollBar()->value();
    m_yaml->setPlainText(showBidiControls(yaml));
    m_yaml->verticalScrollBar()->setValue(scroll);
    m_yamlStatus->setText(
        tr("Read-only. Fetched at %1.").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    m_yamlLoaded = true;
}

void PodDetailsPane::setDescribe(const QString &text)
{
    const int scroll = m_describe->verticalScrollBar()->value();
    m_describe->setPlainText(showBidiControls(text));
    m_describe->verticalScrollBar()->setValue(scroll);
    m_describeLoaded = true;
}

void PodDetailsPane::setFetchError(const Error &error)
{
    m_yamlStatus->setText(
        tr("Could not fetch the YAML: %1 The Describe tab has kubectl's description instead.")
            .arg(error.message));
}

bool PodDetailsPane::findInYaml(const QString &text, bool backwards)
{
    if (text.isEmpty())
        return false;
    const QTextDocument::FindFlags flags =
        backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (m_yaml->find(text, flags))
        return true;
    QTextCursor c = m_yaml->textCursor();
    c.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
    m_yaml->setTextCursor(c);
    const bool found = m_yaml->find(text, flags);
    m_yamlStatus->setText(found ? tr("Search wrapped.") : tr("\"%1\" not found.").arg(text));
    return found;
}

void PodDetailsPane::refreshYaml()
{
    if (!m_runner || m_key.isEmpty()) {
        if (!m_runner)
            m_yamlStatus->setText(tr("Not connected."));
        return;
    }
    m_yamlStatus->setText(tr("Fetching the YAML\u2026"));
    m_yamlToken = m_runner->run(kube::podYamlArgs(m_ns, m_name), 20000);
}

void PodDetailsPane::refreshDescribe()
{
    if (!m_runner || m_key.isEmpty())
        return;
    m_describeToken = m_runner->run(kube::podDescribeArgs(m_ns, m_name), 20000);
}

void PodDetailsPane::onTabChanged(int index)
{
    if (index == YamlTab && !m_yamlLoaded && m_yamlToken == 0)
        refreshYaml();
    else if (index == DescribeTab && !m_describeLoaded && m_describeToken == 0)
        refreshDescribe();
}

void PodDetailsPane::onFinished(quint64 token, const Result<QByteArray> &result)
{
    if (token == 0)
        return;
    if (token == m_yamlToken) {
        m_yamlToken = 0;
        if (result.ok()) {
            setYaml(QString::fromUtf8(result.value()));
        } else {
            setFetchError(result.error());
            m_yamlLoaded = true; // do not hammer a failing API on every update
            refreshDescribe();
        }
    } else if (token == m_describeToken) {
        m_describeToken = 0;
        setDescribe(
            result.ok()
                ? QString::fromUtf8(result.value())
                : tr("kubectl describe failed: %1\n%2").arg(result.error().message, result.error().hint));
    }
}

} // namespace vigia::cluster
