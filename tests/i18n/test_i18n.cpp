// The interface in Spanish (es_MX): the translators load, the core's errors come out
// in Spanish, and the main views show no string left identical to its English source.
//
// The views are built twice, in English and in Spanish; a Spanish string that also appears
// in English and still has words after the allowed ones (proper nouns, technical terms,
// fixture names) is a missing translation.
#include "../ui/PodFixtures.h"
#include "ConnectWindow.h"
#include "HostKeyDialog.h"
#include "MainWindow.h"
#include "ProfileDialog.h"
#include "Translations.h"
#include "WindowProbe.h"
#include "actions/ScaleDialog.h"
#include "cluster/ClusterViews.h"
#include "data/DataWorkspace.h"
#include "db/SnapshotCache.h"
#include "kube/ClusterParsers.h"
#include "profiles/ProfileStore.h"
#include "remote/CommandGate.h"
#include "session/ClusterFeed.h"
#include "session/Session.h"
#include "ssh/LoginShell.h"
#include "ssh/SshConfig.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <functional>

using namespace vigia;

namespace {

// Words that are the same in both languages: names, Kubernetes and Unix terms, units.
const QSet<QString> &allowedWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> w;
        for (const char *s :
             {"vigía", "vigia", "pods", "pod", "kubectl", "cpu", "ram", "namespace", "namespaces", "yaml",
              "ssh", "k3s", "kube", "system", "metrics", "server", "io", "json", "csv", "sqlite", "sudo",
              "ok", "ip", "id", "url", "deployments", "deployment", "statefulset", "daemonset", "rollout",
              "logs", "log", "describe", "p95", "total", "wal", "vacuum", "into", "oomkilled", "gib",
              "mib", "kib", "vcpu", "min", "s", "h", "ms", "aa", "pk", "init", "known_hosts", "sha256",
              "ed25519", "ecdsa", "rsa", "host", "hosts", "config", "alias", "crashloopbackoff", "running",
              "pending", "completed", "ready", "notready", "normal", "warning", "utc", "vps",
              // fixture names
              "producción", "lab", "joledev", "deploy", "ana", "web", "api", "scheduler", "quoter",
              "gatus", "coredns", "traefik", "example", "org", "tijuana", "america", "registry",
              "local", "path", "provisioner", "roles", "svclb", "helm", "install", "crd", "sandbox", "i18n"})
            w.insert(QString::fromUtf8(s));
        return w;
    }();
    return words;
}

QString plain(const QString &text)
{
    QString s = text;
    if (Qt::mightBeRichText(s)) {
        QTextDocument doc;
        doc.setHtml(s);
        s = doc.toPlainText();
    }
    s.remove(QRegularExpression(QStringLiteral("&(?=\\w)"))); // accelerators
    return s.trimmed();
}

// What is left of a string after the allowed words, numbers, paths and host names.
QString meaningfulWords(const QString &s)
{
    QStringList left;
    static const QRegularExpression word(QStringLiteral("[\\p{L}_][\\p{L}\\p{N}_.@/:-]*"));
    for (auto it = word.globalMatch(s); it.hasNext();) {
        QString w = it.next().captured(0);
        while (w.endsWith(QLatin1Char('.')) || w.endsWith(QLatin1Char(':')) || w.endsWith(QLatin1Char('-')))
            w.chop(1);
        const QString lw = w.toLower();
        if (w.size() < 2 || allowedWords().contains(lw))
            continue;
        // Paths, addresses, versions, object names: technical, not words.
        if (w.contains(QLatin1Char('/')) || w.contains(QLatin1Char('.')) || w.contains(QLatin1Char('@')) ||
            w.contains(QLatin1Char('_')) || w.contains(QRegularExpression(QStringLiteral("\\d"))) ||
            (w.contains(QLatin1Char('-')) && w == lw))
            continue;
        left << w;
    }
    return left.join(QLatin1Char(' '));
}

// Every string a person reads in window: widgets shown, actions, tab titles, headers, combo items.
QStringList visibleStrings(QWidget *window)
{
    QStringList out;
    auto add = [&out](const QString &where, const QString &text) {
        const QString p = plain(text);
        if (!p.isEmpty())
            out << where + QLatin1Char('\t') + p;
    };
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    add(QStringLiteral("window title"), window->windowTitle());
    for (QWidget *w : widgets) {
        for (QAction *a : w->actions()) {
            add(QStringLiteral("QAction"), a->text());
            add(QStringLiteral("QAction tooltip"), a->toolTip());
        }
        if (!w->isVisible())
            continue;
        const QString name = QString::fromLatin1(w->metaObject()->className());
        if (auto *l = qobject_cast<QLabel *>(w))
            add(name, l->text());
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            add(name, b->text());
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            add(name, g->title());
        else if (auto *e = qobject_cast<QLineEdit *>(w))
            add(name + QStringLiteral(" placeholder"), e->placeholderText());
        else if (auto *t = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < t->count(); ++i)
                add(QStringLiteral("tab"), t->tabText(i));
        } else if (auto *box = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < box->count(); ++i)
                add(QStringLiteral("QComboBox item"), box->itemText(i));
        } else if (auto *v = qobject_cast<QAbstractItemView *>(w)) {
            if (QAbstractItemModel *m = v->model()) {
                for (int c = 0; c < m->columnCount(); ++c)
                    add(QStringLiteral("header of ") + QString::fromLatin1(m->metaObject()->className()),
                        m->headerData(c, Qt::Horizontal).toString());
            }
        }
        if (!w->toolTip().isEmpty())
            add(name + QStringLiteral(" tooltip"), w->toolTip());
    }
    return out;
}

} // namespace

class TestI18n : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void languageChoice();
    void coreErrorsInSpanish();
    void viewsInSpanish();

private:
    // Builds the main views in turn, handing each shown window to visit.
    void buildViews(const std::function<void(QWidget *)> &visit);
    QTemporaryDir m_dir;
};

void TestI18n::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(":/i18n/vigia_ui_es.qm")), "the catalogues are not embedded");
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/vigia_core_es.qm")));
}

void TestI18n::cleanupTestCase()
{
    Translations::install(*qApp, QStringLiteral("en"));
}

void TestI18n::languageChoice()
{
    const QLocale mx(QLocale::Spanish, QLocale::Mexico);
    const QLocale us(QLocale::English, QLocale::UnitedStates);
    QCOMPARE(Translations::resolve(QString(), mx), QStringLiteral("es"));
    QCOMPARE(Translations::resolve(QStringLiteral("system"), mx), QStringLiteral("es"));
    QCOMPARE(Translations::resolve(QStringLiteral("system"), us), QStringLiteral("en"));
    QCOMPARE(Translations::resolve(QStringLiteral("en"), mx), QStringLiteral("en"));
    QCOMPARE(Translations::resolve(QStringLiteral("es"), us), QStringLiteral("es"));
    QCOMPARE(Translations::resolve(QStringLiteral("fr"), QLocale(QLocale::French)), QStringLiteral("en"));
    QCOMPARE(Translations::localeFor(QStringLiteral("es"), us), mx);
    QCOMPARE(Translations::localeFor(QStringLiteral("es"), QLocale(QLocale::Spanish, QLocale::Spain)),
             QLocale(QLocale::Spanish, QLocale::Spain));
    QCOMPARE(Translations::localeFor(QStringLiteral("en"), mx), us);

    QCOMPARE(Translations::install(*qApp, QStringLiteral("es")), QStringLiteral("es"));
    QCOMPARE(QLocale().language(), QLocale::Spanish);
    QCOMPARE(QCoreApplication::translate("vigia::MainWindow", "&Refresh"), QStringLiteral("&Actualizar"));
    // Qt's own strings too (qtbase_es).
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancelar"));
    QCOMPARE(Translations::install(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("vigia::MainWindow", "&Refresh"), QStringLiteral("&Refresh"));
    QCOMPARE(QLocale().language(), QLocale::English);
}

void TestI18n::coreErrorsInSpanish()
{
    const ProfileStore store(m_dir.filePath(QStringLiteral("profiles.ini")));
    const ssh::SshConfig config = ssh::SshConfig::parse(QString());
    const QString spec = QStringLiteral("ana@host:notaport");

    Translations::install(*qApp, QStringLiteral("en"));
    const Result<ResolvedTarget> en = store.resolveConnectSpec(spec, config);
    QVERIFY(!en.ok());
    QVERIFY2(en.error().message.contains(QStringLiteral("is not a port number")), qPrintable(en.error().message));

    Translations::install(*qApp, QStringLiteral("es"));
    const Result<ResolvedTarget> es = store.resolveConnectSpec(spec, config);
    QVERIFY(!es.ok());
    QCOMPARE(es.error().code, en.error().code); // codes are for machines: never translated
    QCOMPARE(es.error().message, QStringLiteral("«ana@host:notaport»: «notaport» no es un número de puerto (1-65535)."));
    // Plurals, and the hint of an error.
    const QDateTime now = test::fixtureNow();
    QCOMPARE(db::SnapshotCache::ageText(now.addDays(-3), now), QStringLiteral("3 días"));
    const Result<ResolvedTarget> empty = store.resolveConnectSpec(QStringLiteral("  "), config);
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().message, QStringLiteral("No hay a qué conectarse."));
    QVERIFY2(empty.error().hint.startsWith(QStringLiteral("Indica un nombre de perfil")), qPrintable(empty.error().hint));
    // This session's core strings: the login-shell refusal and a read-only rule.
    const std::optional<Error> shell = ssh::LoginShell::refusal(ssh::ShellKind::Csh, QStringLiteral("/bin/tcsh"));
    QVERIFY(shell);
    QVERIFY2(shell->message.startsWith(QStringLiteral("El shell de inicio del usuario SSH es /bin/tcsh")),
             qPrintable(shell->message));
    const Result<QString> rule = remote::CommandGate::readOnlyRule(QStringLiteral("cat /etc/hostname"));
    QVERIFY(rule);
    QCOMPARE(rule.value(), QStringLiteral("lee un archivo o un dato del servidor"));
    Translations::install(*qApp, QStringLiteral("en"));
}

void TestI18n::buildViews(const std::function<void(QWidget *)> &visit)
{
    // The main window with pods, the cluster views and every tab shown in turn.
    {
        QFile f(QStringLiteral(VIGIA_SHARED_TEST_DATA_DIR "/workloads-joledev.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        kube::ClusterSnapshot snapshot;
        snapshot.workloads = kube::parseWorkloadList(f.readAll()).value();
        snapshot.fetchedAt = QDateTime::currentDateTimeUtc();
        session::Session session;
        MainWindow w(&session);
        PodListModel *model = test::probe::podModel(&w);
        QTabWidget *tabs = test::probe::tabs(&w);
        ui::PodsPage *pods = test::probe::podsPage(&w);
        QVERIFY(model && tabs && pods);
        model->setNow(test::fixtureNow());
        model->setPods(test::joledevPods(true));
        w.resize(1200, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // A round, as the session's ClusterFeed hands it over.
        emit session.cluster()->updated(snapshot);
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            visit(&w);
        }
        tabs->setCurrentIndex(0);
        QVERIFY(pods->selectPod(QStringLiteral("joledev"), test::joledevPods(true).first().name));
        QCoreApplication::processEvents();
        visit(&w);
    }
    // The server list.
    {
        ProfileStore store(m_dir.filePath(QStringLiteral("views.ini")));
        Profile prod;
        prod.name = QStringLiteral("producción");
        prod.host = QStringLiteral("vps.example.org");
        prod.readOnly = true;
        if (!store.find(prod.name))
            QVERIFY(store.add(prod).ok());
        const ssh::SshConfig config =
            ssh::SshConfig::parse(QStringLiteral("Host joledev\n  HostName 203.0.113.7\n  User ana\n"));
        ConnectWindow w(&store, config, QStringLiteral("/tmp/ssh_config"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        visit(&w);
        QVERIFY(w.selectProfile(QStringLiteral("joledev")));
        QCoreApplication::processEvents();
        visit(&w);
    }
    // The dialogs.
    {
        Profile p;
        p.name = QStringLiteral("lab");
        p.host = QStringLiteral("10.0.0.5");
        ProfileDialog d(p);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        visit(&d);
    }
    {
        ssh::HostKeyInfo info;
        info.host = QStringLiteral("[127.0.0.1]:2222");
        info.port = 2222;
        info.keyType = QStringLiteral("ssh-ed25519");
        info.fingerprint = QStringLiteral("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
        info.knownFingerprint = QStringLiteral("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8");
        info.knownHostsPath = QStringLiteral("/tmp/known_hosts");
        info.knownHostsLine = 3;
        for (const auto mode : {HostKeyDialog::Mode::Unknown, HostKeyDialog::Mode::Mismatch}) {
            HostKeyDialog d(mode, info);
            d.show();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            visit(&d);
        }
    }
    {
        actions::ActionSpec s;
        s.kind = actions::ActionKind::Scale;
        s.objectKind = actions::ObjectKind::Deployment;
        s.namespaceName = QStringLiteral("joledev");
        s.objectName = QStringLiteral("web");
        s.server = QStringLiteral("vps-1");
        s.currentReplicas = 2;
        ui::ScaleDialog d(s);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        visit(&d);
    }
    // The data workspace, offline (no snapshot yet).
    {
        const db::SnapshotCache cache(QStringLiteral("i18n"), m_dir.filePath(QStringLiteral("cache")));
        ui::DataWorkspace w(cache, nullptr);
        w.resize(1000, 600);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QList<QTabWidget *> tabs = w.findChildren<QTabWidget *>();
        visit(&w);
        for (QTabWidget *t : tabs) {
            for (int i = 0; i < t->count(); ++i) {
                t->setCurrentIndex(i);
                QCoreApplication::processEvents();
                visit(&w);
            }
        }
    }
}

void TestI18n::viewsInSpanish()
{
    QSet<QString> english;
    Translations::install(*qApp, QStringLiteral("en"));
    buildViews([&](QWidget *w) {
        for (const QString &s : visibleStrings(w))
            english.insert(s.section(QLatin1Char('\t'), 1));
    });
    QVERIFY(english.size() > 100);

    Translations::install(*qApp, QStringLiteral("es"));
    QStringList untranslated;
    int seen = 0;
    buildViews([&](QWidget *w) {
        for (const QString &entry : visibleStrings(w)) {
            ++seen;
            const QString text = entry.section(QLatin1Char('\t'), 1);
            if (english.contains(text) && !meaningfulWords(text).isEmpty()) {
                const QString line = QStringLiteral("%1 (%2): \"%3\"")
                                         .arg(QString::fromLatin1(w->metaObject()->className()),
                                              entry.section(QLatin1Char('\t'), 0, 0), text.left(160));
                if (!untranslated.contains(line))
                    untranslated << line;
            }
        }
    });
    Translations::install(*qApp, QStringLiteral("en"));
    QVERIFY(seen > 100);
    QVERIFY2(untranslated.isEmpty(),
             qPrintable(QStringLiteral("%1 string(s) still in English:\n  ").arg(untranslated.size()) +
                        untranslated.join(QStringLiteral("\n  "))));
}

QTEST_MAIN(TestI18n)
#include "test_i18n.moc"
