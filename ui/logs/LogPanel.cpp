#include "logs/LogPanel.h"

#include "ThemePalette.h"
#include "ThemedStyleSheet.h"

#include "logs/LogView.h"
#include "remote/KubectlRunner.h"
#include "ssh/SshConnection.h"

#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QShortcut>
#include <QStackedLayout>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigia::logs {

namespace {

const QString kTailKey = QStringLiteral("logs/tailLines");
const QString kWrapKey = QStringLiteral("logs/wrap");
const QString kTimestampsKey = QStringLiteral("logs/timestamps");
const QString kCapacityKey = QStringLiteral("logs/bufferLines");

enum SinceChoice { SinceAny, Since5m, Since1h, SinceCustom };

} // namespace

LogPanel::LogPanel(remote::KubectlRunner *runner, ssh::SshConnection *connection, QWidget *parent)
    : QWidget(parent), m_runner(runner), m_connection(connection)
{
    loadSettings();
    buildUi();
    syncToolbar();
}

LogPanel::~LogPanel()
{
    closeAll();
}

void LogPanel::setTransport(remote::KubectlRunner *runner, ssh::SshConnection *connection)
{
    m_runner = runner;
    m_connection = connection;
    for (int i = 0; i < pageCount(); ++i)
        page(i)->setTransport(runner, connection);
    resumeAll();
}

void LogPanel::suspendAll()
{
    for (int i = 0; i < pageCount(); ++i)
        page(i)->stopAll();
}

void LogPanel::loadSettings()
{
    QSettings s;
    m_tailLines = s.value(kTailKey, 1000).toInt();
    if (std::find(std::begin(kTailChoices), std::end(kTailChoices), m_tailLines) == std::end(kTailChoices))
        m_tailLines = 1000;
    m_capacity = std::clamp(s.value(kCapacityKey, LogBuffer::kDefaultCapacity).toInt(), 1000, 5000000);
}

void LogPanel::saveSettings() const
{
    QSettings s;
    s.setValue(kTailKey, m_tailLines);
    s.setValue(kWrapKey, m_wrapAction->isChecked());
    s.setValue(kTimestampsKey, m_timestampsAction->isChecked());
    s.setValue(kCapacityKey, m_capacity);
}

void LogPanel::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_bar = new QToolBar(this);
    m_bar->setObjectName(QStringLiteral("logToolbar"));
    m_bar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    // First, because after a crash the previous run's log is where the cause is.
    m_previousAction = m_bar->addAction(tr("Previous container"));
    m_previousAction->setCheckable(true);
    m_previousAction->setToolTip(tr("The log of the container's previous run (kubectl logs --previous)"));
    connect(m_previousAction, &QAction::toggled, this, [this] { applyContainerChange(); });

    m_container = new QComboBox(m_bar);
    m_container->setObjectName(QStringLiteral("containerBox"));
    m_container->setToolTip(tr("Container (init containers included)"));
    m_container->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_containerAction = m_bar->addWidget(m_container);
    connect(m_container, &QComboBox::currentIndexChanged, this, [this] { applyContainerChange(); });
    m_bar->addSeparator();

    m_tail = new QComboBox(m_bar);
    m_tail->setObjectName(QStringLiteral("tailBox"));
    m_tail->setToolTip(tr("How many lines to fetch when opening"));
    for (int n : kTailChoices)
        m_tail->addItem(n < 0 ? tr("All lines") : tr("Last %L1").arg(n), n);
    m_tail->setCurrentIndex(m_tail->findData(m_tailLines));
    m_bar->addWidget(m_tail);
    connect(m_tail, &QComboBox::currentIndexChanged, this, [this] {
        if (m_syncing)
            return;
        m_tailLines = m_tail->currentData().toInt();
        saveSettings();
        applyRangeChange();
    });

    m_since = new QComboBox(m_bar);
    m_since->setObjectName(QStringLiteral("sinceBox"));
    m_since->addItem(tr("Any time"), SinceAny);
    m_since->addItem(tr("Last 5 minutes"), Since5m);
    m_since->addItem(tr("Last hour"), Since1h);
    m_since->addItem(tr("Since\u2026"), SinceCustom);
    m_bar->addWidget(m_since);
    connect(m_since, &QComboBox::activated, this, [this](int index) {
        if (m_since->itemData(index).toInt() == SinceCustom)
            pickSinceTime();
        else
            applyRangeChange();
    });
    m_bar->addSeparator();

    m_followAction = m_bar->addAction(tr("Follow"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_followAction->setToolTip(tr("Keep the newest line in view (End)"));
    connect(m_followAction, &QAction::triggered, this, [this](bool on) {
        if (LogPage *p = currentPage())
            p->view()->setFollowing(on);
    });

    m_timestampsAction = m_bar->addAction(tr("Timestamps"));
    m_timestampsAction->setCheckable(true);
    m_timestampsAction->setChecked(QSettings().value(kTimestampsKey, false).toBool());
    connect(m_timestampsAction, &QAction::toggled, this, [this](bool on) {
        for (int i = 0; i < pageCount(); ++i)
            page(i)->view()->setShowTimestamps(on);
        saveSettings();
    });
    m_wrapAction = m_bar->addAction(tr("Wrap"));
    m_wrapAction->setCheckable(true);
    m_wrapAction->setChecked(QSettings().value(kWrapKey, false).toBool());
    connect(m_wrapAction, &QAction::toggled, this, [this](bool on) {
        for (int i = 0; i < pageCount(); ++i)
            page(i)->view()->setWrap(on);
        saveSettings();
    });
    m_bar->addSeparator();

    QAction *copy = m_bar->addAction(tr("Copy"));
    copy->setToolTip(tr("Copy the selected lines, whole (Ctrl+C)"));
    connect(copy, &QAction::triggered, this, [this] {
        if (LogPage *p = currentPage())
            p->view()->copySelection();
    });
    QAction *saveShown = m_bar->addAction(tr("Save shown\u2026"));
    connect(saveShown, &QAction::triggered, this, [this] { saveDialog(true); });
    QAction *saveAll = m_bar->addAction(tr("Save all\u2026"));
    connect(saveAll, &QAction::triggered, this, [this] { saveDialog(false); });
    QAction *clear = m_bar->addAction(tr("Clear"));
    clear->setToolTip(tr("Forget the lines shown so far; new lines keep coming"));
    connect(clear, &QAction::triggered, this, [this] {
        if (LogPage *p = currentPage()) {
            p->buffer()->clear();
            p->view()->refreshNow();
        }
    });
    layout->addWidget(m_bar);

    // Second row: search and filter.
    auto *row = new QHBoxLayout;
    row->setContentsMargins(6, 2, 6, 2);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setPlaceholderText(tr("Search (Enter: next, Shift+Enter: previous)"));
    m_search->setClearButtonEnabled(true);
    m_regex = new QToolButton(this);
    m_regex->setText(QStringLiteral(".*"));
    m_regex->setToolTip(tr("Regular expression"));
    m_regex->setCheckable(true);
    m_case = new QToolButton(this);
    m_case->setText(QStringLiteral("Aa"));
    m_case->setToolTip(tr("Case sensitive"));
    m_case->setCheckable(true);
    auto *prev = new QToolButton(this);
    prev->setText(QStringLiteral("\u25b2"));
    prev->setToolTip(tr("Previous match (Shift+F3)"));
    auto *next = new QToolButton(this);
    next->setText(QStringLiteral("\u25bc"));
    next->setToolTip(tr("Next match (F3)"));
    m_matchLabel = new QLabel(this);
    m_matchLabel->setObjectName(QStringLiteral("matchLabel"));
    m_matchLabel->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00000 of 00000")));
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("logFilter"));
    m_filter->setPlaceholderText(tr("Filter lines"));
    m_filter->setClearButtonEnabled(true);
    m_filterMode = new QComboBox(this);
    m_filterMode->addItem(tr("Show matching"), int(LogView::FilterMode::ShowMatching));
    m_filterMode->addItem(tr("Hide matching"), int(LogView::FilterMode::HideMatching));
    row->addWidget(m_search, 3);
    row->addWidget(m_regex);
    row->addWidget(m_case);
    row->addWidget(prev);
    row->addWidget(next);
    row->addWidget(m_matchLabel);
    row->addSpacing(12);
    row->addWidget(m_filter, 2);
    row->addWidget(m_filterMode);
    layout->addLayout(row);

    // Typing searches after a short pause: a regex over a million lines is a few hundred ms.
    m_searchDebounce.setSingleShot(true);
    m_searchDebounce.setInterval(200);
    connect(&m_searchDebounce, &QTimer::timeout, this, &LogPanel::applySearchNow);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDebounce.start(); });
    connect(m_filter, &QLineEdit::textChanged, this, [this] { m_searchDebounce.start(); });
    connect(m_regex, &QToolButton::toggled, this, &LogPanel::applySearchNow);
    connect(m_case, &QToolButton::toggled, this, &LogPanel::applySearchNow);
    connect(m_filterMode, &QComboBox::currentIndexChanged, this, &LogPanel::applySearchNow);
    auto findNext = [this] {
        applySearchNow();
        if (LogPage *p = currentPage())
            p->view()->findNext();
    };
    auto findPrev = [this] {
        applySearchNow();
        if (LogPage *p = currentPage())
            p->view()->findPrevious();
    };
    connect(m_search, &QLineEdit::returnPressed, this, [findNext, findPrev] {
        (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier) ? findPrev() : findNext();
    });
    connect(next, &QToolButton::clicked, this, findNext);
    connect(prev, &QToolButton::clicked, this, findPrev);
    auto *f3 =
        new QShortcut(QKeySequence(Qt::Key_F3), this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(f3, &QShortcut::activated, this, findNext);
    auto *sf3 = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), this, nullptr, nullptr,
                              Qt::WidgetWithChildrenShortcut);
    connect(sf3, &QShortcut::activated, this, findPrev);
    auto *find = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });

    auto *stack = new QWidget(this);
    auto *stackLayout = new QStackedLayout(stack);
    m_tabs = new QTabWidget(stack);
    m_tabs->setObjectName(QStringLiteral("logTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->setMovable(true);
    m_empty = new QLabel(tr("No log open. Select a pod and press L, or open the server log."), stack);
    m_empty->setAlignment(Qt::AlignCenter);
    stackLayout->addWidget(m_empty);
    stackLayout->addWidget(m_tabs);
    layout->addWidget(stack, 1);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &LogPanel::closePage);
    connect(m_tabs, &QTabWidget::currentChanged, this, &LogPanel::onCurrentChanged);
    connect(this, &LogPanel::pageCountChanged, this, [stackLayout, this](int n) {
        stackLayout->setCurrentWidget(n > 0 ? static_cast<QWidget *>(m_tabs) : m_empty);
    });
}

LogPage *LogPanel::addPage(LogPage::Kind kind)
{
    auto *p = new LogPage(kind, m_runner, m_connection, m_capacity, m_tabs);
    p->view()->setShowTimestamps(m_timestampsAction->isChecked());
    p->view()->setWrap(m_wrapAction->isChecked());
    connect(p->view(), &LogView::followChanged, this, [this, p](bool on) {
        if (p == currentPage())
            m_followAction->setChecked(on);
    });
    connect(p->view(), &LogView::searchResultsChanged, this, [this, p] {
        if (p == currentPage())
            updateMatchLabel();
    });
    connect(p, &LogPage::previousRequested, this, [this, p] {
        if (p == currentPage())
            m_previousAction->setChecked(true);
    });
    const int index = m_tabs->addTab(p, QString());
    m_tabs->setCurrentIndex(index);
    emit pageCountChanged(pageCount());
    return p;
}

LogPage *LogPanel::openPod(const kube::PodInfo &pod, bool previous, const QString &container)
{
    // One tab per pod: opening it again switches to it with the new choice.
    for (int i = 0; i < pageCount(); ++i) {
        LogPage *p = page(i);
        if (p->kind() == LogPage::Kind::Pod && p->pod().key() == pod.key()) {
            m_tabs->setCurrentIndex(i);
            p->showPod(pod, container, previous, currentRange());
            m_tabs->setTabText(i, p->title());
            syncToolbar();
            return p;
        }
    }
    LogPage *p = addPage(LogPage::Kind::Pod);
    QString c = container;
    if (c.isEmpty())
        for (const kube::ContainerInfo &ci : pod.containers)
            if (!ci.init) {
                c = ci.name;
                break;
            }
    p->showPod(pod, c, previous, currentRange());
    m_tabs->setTabText(m_tabs->indexOf(p), p->title());
    m_tabs->setTabToolTip(m_tabs->indexOf(p), pod.key());
    syncToolbar();
    return p;
}

LogPage *LogPanel::openDeployment(const QString &ns, const QString &name, const QList<kube::PodInfo> &pods)
{
    LogPage *p = addPage(LogPage::Kind::Deployment);
    p->showDeployment(ns, name, pods, QString(), currentRange());
    m_tabs->setTabText(m_tabs->indexOf(p), p->title());
    m_tabs->setTabToolTip(m_tabs->indexOf(p),
                          tr("%n pod(s) in %1, merged by time", nullptr, int(pods.size())).arg(ns));
    syncToolbar();
    return p;
}

LogPage *LogPanel::openServerLog()
{
    for (int i = 0; i < pageCount(); ++i)
        if (page(i)->kind() == LogPage::Kind::Server) {
            m_tabs->setCurrentIndex(i);
            return page(i);
        }
    LogPage *p = addPage(LogPage::Kind::Server);
    p->showServerLog(m_tailLines);
    m_tabs->setTabText(m_tabs->indexOf(p), p->title());
    syncToolbar();
    return p;
}

LogPage *LogPanel::currentPage() const
{
    return qobject_cast<LogPage *>(m_tabs->currentWidget());
}

int LogPanel::pageCount() const
{
    return m_tabs->count();
}

LogPage *LogPanel::page(int index) const
{
    return qobject_cast<LogPage *>(m_tabs->widget(index));
}

void LogPanel::closePage(int index)
{
    LogPage *p = page(index);
    if (!p)
        return;
    m_tabs->removeTab(index);
    p->stopAll(); // ends the remote kubectl now, not at the next event loop turn
    delete p;
    emit pageCountChanged(pageCount());
}

void LogPanel::closeAll()
{
    while (pageCount() > 0)
        closePage(pageCount() - 1);
}

void LogPanel::resumeAll()
{
    for (int i = 0; i < pageCount(); ++i)
        page(i)->resumeStreams();
}

void LogPanel::onCurrentChanged()
{
    syncToolbar();
    applySearchNow();
}

void LogPanel::syncToolbar()
{
    m_syncing = true;
    LogPage *p = currentPage();
    const bool isPod = p && p->kind() == LogPage::Kind::Pod;
    const bool isKube = p && p->kind() != LogPage::Kind::Server;
    m_container->clear();
    if (isPod) {
        for (const kube::ContainerInfo &c : p->pod().containers)
            m_container->addItem(c.init ? tr("%1 (init)").arg(c.name) : c.name, c.name);
        m_container->setCurrentIndex(std::max(0, m_container->findData(p->container())));
        m_previousAction->setChecked(p->previous());
        int restarts = p->pod().restarts;
        for (const kube::ContainerInfo &c : p->pod().containers)
            if (c.name == p->container())
                restarts = c.restartCount;
        m_previousAction->setEnabled(restarts > 0 || p->previous());
        QFont f = m_previousAction->font();
        f.setBold(restarts > 0);
        m_previousAction->setFont(f);
        m_previousAction->setText(restarts > 0 ? tr("Previous container (%n restarts)", nullptr, restarts)
                                               : tr("Previous container"));
    } else {
        m_previousAction->setChecked(false);
        m_previousAction->setEnabled(false);
        m_previousAction->setText(tr("Previous container"));
    }
    m_container->setEnabled(isPod && m_container->count() > 1);
    m_containerAction->setVisible(isPod);
    m_previousAction->setVisible(!p || isPod);
    m_tail->setEnabled(p != nullptr);
    m_since->setEnabled(isKube);
    m_followAction->setChecked(!p || p->view()->isFollowing());
    m_syncing = false;
    updateMatchLabel();
}

LogRange LogPanel::currentRange() const
{
    LogRange r;
    r.tailLines = m_tailLines;
    switch (m_since ? m_since->currentData().toInt() : SinceAny) {
    case Since5m:
        r.since = QStringLiteral("5m");
        r.tailLines = -1; // "the last 5 minutes" means all of them
        break;
    case Since1h:
        r.since = QStringLiteral("1h");
        r.tailLines = -1;
        break;
    case SinceCustom:
        r.sinceTimeNs = m_sinceTimeNs;
        r.tailLines = -1;
        break;
    default:
        break;
    }
    return r;
}

void LogPanel::applyRangeChange()
{
    LogPage *p = currentPage();
    if (!p)
        return;
    if (p->kind() == LogPage::Kind::Server)
        p->showServerLog(m_tailLines);
    else
        p->restart(p->container(), p->previous(), currentRange());
}

void LogPanel::applyContainerChange()
{
    if (m_syncing)
        return;
    LogPage *p = currentPage();
    if (!p || p->kind() != LogPage::Kind::Pod)
        return;
    const QString c = m_container->currentData().toString();
    p->restart(c, m_previousAction->isChecked(), currentRange());
    m_tabs->setTabText(m_tabs->indexOf(p), p->title());
    syncToolbar();
}

void LogPanel::pickSinceTime()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Show lines since"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *edit = new QDateTimeEdit(m_sinceTimeNs > 0 ? QDateTime::fromMSecsSinceEpoch(m_sinceTimeNs / 1000000)
                                                     : QDateTime::currentDateTime().addSecs(-3600),
                                   &dialog);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    edit->setCalendarPopup(true);
    layout->addWidget(edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted) {
        m_since->setCurrentIndex(m_sinceTimeNs > 0 ? m_since->findData(SinceCustom) : 0);
        return;
    }
    m_sinceTimeNs = edit->dateTime().toMSecsSinceEpoch() * 1000000;
    m_since->setItemText(m_since->findData(SinceCustom),
                         tr("Since %1").arg(edit->dateTime().toString(QStringLiteral("MM-dd HH:mm"))));
    applyRangeChange();
}

void LogPanel::applySearchNow()
{
    m_searchDebounce.stop();
    LogPage *p = currentPage();
    if (!p)
        return;
    const bool regex = m_regex->isChecked();
    const bool cs = m_case->isChecked();
    p->view()->setSearch(SearchOptions{m_search->text(), regex, cs});
    const auto mode = m_filter->text().isEmpty() ? LogView::FilterMode::Off
                                                 : LogView::FilterMode(m_filterMode->currentData().toInt());
    p->view()->setFilter(SearchOptions{m_filter->text(), regex, cs}, mode);
    // A broken regex says why instead of silently matching nothing.
    const QString searchError = p->view()->searchError();
    const QString filterError = p->view()->filterError();
    m_search->setToolTip(searchError);
    m_filter->setToolTip(filterError);
    const ThemedStyleSheet::Maker errorText = [](bool dark) {
        return QStringLiteral("color: %1;").arg(ThemePalette::toneText(ThemePalette::Tone::Error, dark).name());
    };
    ThemedStyleSheet::bind(m_search, searchError.isEmpty() ? nullptr : errorText);
    ThemedStyleSheet::bind(m_filter, filterError.isEmpty() ? nullptr : errorText);
    updateMatchLabel();
}

void LogPanel::updateMatchLabel()
{
    LogPage *p = currentPage();
    if (!p || m_search->text().isEmpty()) {
        m_matchLabel->clear();
        return;
    }
    if (!p->view()->searchError().isEmpty()) {
        m_matchLabel->setText(tr("bad regex"));
        return;
    }
    const int count = p->view()->matchCount();
    const int current = p->view()->currentMatchIndex();
    m_matchLabel->setText(count == 0    ? tr("no matches")
                          : current < 0 ? tr("%L1 matches").arg(count)
                                        : tr("%L1 of %L2").arg(current + 1).arg(count));
}

bool LogPanel::saveTo(const QString &path, bool shownOnly, QString *error)
{
    LogPage *p = currentPage();
    if (!p) {
        if (error)
            *error = tr("No log is open.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    // Server logs can hold customers' data: 0600, like the rest of Vigía's files.
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (p->view()->writeLines(&file, shownOnly) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void LogPanel::saveDialog(bool shownOnly)
{
    LogPage *p = currentPage();
    if (!p)
        return;
    QString name = p->title();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("_"));
    const QString path =
        QFileDialog::getSaveFileName(this, shownOnly ? tr("Save shown lines") : tr("Save all lines"),
                                     name + QStringLiteral(".log"), tr("Log files (*.log *.txt)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, shownOnly, &error))
        QMessageBox::warning(this, tr("Save failed"),
                             tr("The log could not be saved to %1: %2").arg(path, error));
}

} // namespace vigia::logs
