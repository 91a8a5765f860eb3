#include "db/DbDiscovery.h"

#include "db/CommandRunner.h"
#include "db/DbErrors.h"
#include "db/SnapshotPlanner.h"
#include "remote/KubectlRunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigia::db {

Result<QList<VolumeDir>> DbDiscovery::parseVolumes(const QByteArray &pvcJson, const QByteArray &pvJson,
                                                   const QString &storageRoot, const QStringList &namespaces)
{
    QJsonParseError perr{};
    const QJsonDocument pvcDoc = QJsonDocument::fromJson(pvcJson, &perr);
    if (perr.error != QJsonParseError::NoError || !pvcDoc.isObject())
        return makeError(QCoreApplication::translate("DbDiscovery", "Could not read the list of volume claims."), perr.errorString(),
                         QStringLiteral("db.discovery"));
    QHash<QString, QString> pvPaths;
    const QJsonDocument pvDoc = QJsonDocument::fromJson(pvJson);
    for (const QJsonValue &v : pvDoc.object().value(QStringLiteral("items")).toArray()) {
        const QJsonObject pv = v.toObject();
        const QJsonObject spec = pv.value(QStringLiteral("spec")).toObject();
        QString path = spec.value(QStringLiteral("hostPath")).toObject().value(QStringLiteral("path")).toString();
        if (path.isEmpty())
            path = spec.value(QStringLiteral("local")).toObject().value(QStringLiteral("path")).toString();
        const QString name = pv.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")).toString();
        if (!name.isEmpty() && path.startsWith(QLatin1Char('/')))
            pvPaths.insert(name, path);
    }
    const QString root = storageRoot.isEmpty() ? QString::fromLatin1(kDefaultStorageRoot) : storageRoot;
    QList<VolumeDir> out;
    for (const QJsonValue &v : pvcDoc.object().value(QStringLiteral("items")).toArray()) {
        const QJsonObject pvc = v.toObject();
        const QJsonObject meta = pvc.value(QStringLiteral("metadata")).toObject();
        VolumeDir d;
        d.ns = meta.value(QStringLiteral("namespace")).toString();
        d.claim = meta.value(QStringLiteral("name")).toString();
        d.pv = pvc.value(QStringLiteral("spec")).toObject().value(QStringLiteral("volumeName")).toString();
        if (d.claim.isEmpty() || d.pv.isEmpty())
            continue; // unbound claims have no folder yet
        if (!namespaces.isEmpty() && !namespaces.contains(d.ns))
            continue;
        // Names come from the server: keep them from climbing out of the storage root.
        const QString base = d.pv + QLatin1Char('_') + d.ns + QLatin1Char('_') + d.claim;
        if (base.contains(QLatin1Char('/')) || base.contains(QStringLiteral("..")))
            continue;
        d.dir = pvPaths.value(d.pv, QDir(root).filePath(base));
        out << d;
    }
    return out;
}

void DbDiscovery::guessRoles(DiscoveredDatabases &found)
{
    auto pick = [&found](std::initializer_list<const char *> words) -> QString {
        for (const char *w : words) {
            for (const QString &f : found.files) {
                if (QFileInfo(f).fileName().contains(QLatin1String(w), Qt::CaseInsensitive))
                    return f;
            }
        }
        for (const char *w : words) {
            for (const QString &f : found.files) {
                if (f.contains(QLatin1String(w), Qt::CaseInsensitive))
                    return f;
            }
        }
        return {};
    };
    found.appointmentsPath = pick({"scheduler", "appoint", "booking", "cita", "agenda"});
    found.quotesPath = pick({"quoter", "quote", "cotiz"});
}

void DbDiscoveryJob::fail(const Error &e)
{
    DiscoveryOutcome o;
    o.error = e;
    emit finished(o);
}

void DbDiscoveryJob::succeed(const DiscoveredDatabases &found)
{
    DiscoveryOutcome o;
    o.ok = true;
    o.found = found;
    emit finished(o);
}

DbDiscoveryJob::DbDiscoveryJob(remote::KubectlRunner *kubectl, CommandRunner *runner, QObject *parent)
    : QObject(parent), m_kubectl(kubectl), m_runner(runner)
{
    if (kubectl)
        connect(kubectl, &remote::KubectlRunner::finished, this, &DbDiscoveryJob::onKubectl);
}

void DbDiscoveryJob::start(const QString &storageRoot, bool sudo, const QStringList &namespaces)
{
    m_root = storageRoot;
    m_sudo = sudo;
    m_namespaces = namespaces;
    m_pvc.clear();
    m_pvToken = 0;
    if (!m_kubectl) {
        fail(makeError(QCoreApplication::translate("DbDiscovery", "kubectl is not available."), {}, QStringLiteral("db.discovery")));
        return;
    }
    m_pvcToken = m_kubectl->run({QStringLiteral("get"), QStringLiteral("pvc"), QStringLiteral("-A"), QStringLiteral("-o"),
                                 QStringLiteral("json")});
}

void DbDiscoveryJob::onKubectl(quint64 token, const vigia::Result<QByteArray> &out)
{
    if (token == m_pvcToken && m_pvcToken) {
        m_pvcToken = 0;
        if (!out) {
            fail(out.error());
            return;
        }
        m_pvc = out.value();
        m_pvToken = m_kubectl->run({QStringLiteral("get"), QStringLiteral("pv"), QStringLiteral("-o"), QStringLiteral("json")});
    } else if (token == m_pvToken && m_pvToken) {
        m_pvToken = 0;
        // Listing PVs is cluster-scoped and may be refused; the naming rule covers that.
        auto vols = DbDiscovery::parseVolumes(m_pvc, out ? out.value() : QByteArray(), m_root, m_namespaces);
        if (!vols) {
            fail(vols.error());
            return;
        }
        DiscoveredDatabases found;
        found.volumes = vols.value();
        if (found.volumes.isEmpty()) {
            succeed(found);
            return;
        }
        QStringList dirs;
        for (const VolumeDir &d : found.volumes)
            dirs << d.dir;
        RunningCommand *c = m_runner->start(SnapshotPlanner::findDatabasesCommand(dirs, m_sudo), 60000);
        auto outBuf = std::make_shared<QByteArray>();
        auto errBuf = std::make_shared<QByteArray>();
        connect(c, &RunningCommand::stdoutReady, c, [outBuf](const QByteArray &b) { outBuf->append(b); });
        connect(c, &RunningCommand::stderrReady, c, [errBuf](const QByteArray &b) { errBuf->append(b.left(65536)); });
        connect(c, &RunningCommand::finished, this, [this, c, outBuf, errBuf, found](const ssh::ExitInfo &exit) mutable {
            c->deleteLater();
            found.files = SnapshotPlanner::parseFindOutput(*outBuf);
            // find exits 1 when one folder is unreadable but may still list the others.
            if (found.files.isEmpty() && !exit.success()) {
                fail(classifyRemoteFailure({SnapshotStep::Discovery, found.volumes.first().dir, m_sudo, m_sudo},
                                                    exit.exitCode, *errBuf));
                return;
            }
            DbDiscovery::guessRoles(found);
            succeed(found);
        });
    }
}

} // namespace vigia::db
