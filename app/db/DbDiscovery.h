#pragma once
// Finding the databases: PVCs -> local-path folders -> *.db / *.sqlite / *.sqlite3.
// The parsing is pure (unit-tested on kubectl JSON); DbDiscoveryJob runs
// "kubectl get pvc -A -o json", "kubectl get pv -o json" and one find.
#include "core/Result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace vigia::remote {
class KubectlRunner;
}

namespace vigia::db {

class CommandRunner;

struct VolumeDir {
    QString ns;
    QString claim;
    QString pv;
    QString dir; // the folder on the node
};

struct DiscoveredDatabases {
    QList<VolumeDir> volumes;
    QStringList files;
    QString appointmentsPath; // best guess ("scheduler", "appoint", "cita"); the profile overrides
    QString quotesPath;       // best guess ("quoter", "quote", "cotiz")
};

struct DiscoveryOutcome {
    bool ok = false;
    DiscoveredDatabases found;
    Error error;
};

class DbDiscovery {
public:
    static constexpr const char *kDefaultStorageRoot = "/var/lib/rancher/k3s/storage";
    // PV JSON may be empty (no permission to list PVs): the folder is then
    // <root>/<pv>_<namespace>_<claim>, local-path's naming. NAMESPACES empty: all.
    static Result<QList<VolumeDir>> parseVolumes(const QByteArray &pvcJson, const QByteArray &pvJson,
                                                 const QString &storageRoot, const QStringList &namespaces = {});
    static void guessRoles(DiscoveredDatabases &found);
};

class DbDiscoveryJob : public QObject {
    Q_OBJECT
public:
    DbDiscoveryJob(remote::KubectlRunner *kubectl, CommandRunner *runner, QObject *parent = nullptr);
    void start(const QString &storageRoot, bool sudo, const QStringList &namespaces = {});

signals:
    void finished(const vigia::db::DiscoveryOutcome &outcome);

private:
    void onKubectl(quint64 token, const vigia::Result<QByteArray> &out);
    void fail(const Error &e);
    void succeed(const DiscoveredDatabases &found);
    QPointer<remote::KubectlRunner> m_kubectl;
    CommandRunner *m_runner;
    quint64 m_pvcToken = 0;
    quint64 m_pvToken = 0;
    QByteArray m_pvc;
    QString m_root;
    bool m_sudo = false;
    QStringList m_namespaces;
};

} // namespace vigia::db

Q_DECLARE_METATYPE(vigia::db::DiscoveryOutcome)
