#pragma once
// Pods as the parser would hand them over, for widget tests.
#include "kube/Pod.h"

#include <QDateTime>
#include <QList>

namespace vigia::test {

inline QDateTime fixtureNow()
{
    return QDateTime(QDate(2026, 11, 27), QTime(8, 0, 0), Qt::UTC);
}

inline kube::PodInfo makePod(const QString &ns, const QString &name, const QString &status, int ready,
                             int total, int restarts = 0, qint64 ageSecs = 3 * 86400,
                             qint64 lastRestartSecsAgo = -1)
{
    kube::PodInfo p;
    p.uid = ns + QLatin1Char('-') + name;
    p.ns = ns;
    p.name = name;
    p.node = QStringLiteral("vps-1");
    p.status = status;
    p.phase = (status == QLatin1String("Completed")) ? QStringLiteral("Succeeded")
              : (status == QLatin1String("Pending")) ? QStringLiteral("Pending")
                                                     : QStringLiteral("Running");
    p.readyContainers = ready;
    p.totalContainers = total;
    p.restarts = restarts;
    p.createdAt = fixtureNow().addSecs(-ageSecs);
    if (restarts > 0 && lastRestartSecsAgo >= 0)
        p.lastRestartAt = fixtureNow().addSecs(-lastRestartSecsAgo);
    p.resourceVersion = QStringLiteral("1");
    for (int i = 0; i < total; ++i) {
        kube::ContainerInfo c;
        c.name = i == 0 ? name.section(QLatin1Char('-'), 0, 0) : QStringLiteral("sidecar-%1").arg(i);
        c.image = QStringLiteral("registry.example/%1:1.0").arg(c.name);
        c.ready = i < ready;
        c.state = c.ready ? QStringLiteral("running") : QStringLiteral("waiting");
        if (!c.ready && status != QLatin1String("Running"))
            c.stateReason = status;
        p.containers.append(c);
    }
    return p;
}

// The joledev VPS as the sandbox's default scenario models it, plus one crashing pod.
inline QList<kube::PodInfo> joledevPods(bool withCrash = true)
{
    QList<kube::PodInfo> pods{
        makePod(QStringLiteral("joledev"), QStringLiteral("web-7c9d8f6b5-x2k4p"), QStringLiteral("Running"),
                1, 1, 0, 12 * 86400),
        makePod(QStringLiteral("joledev"), QStringLiteral("api-quoter-5b8c7d9f4-m7q2w"),
                QStringLiteral("Running"), 1, 1, 0, 9 * 86400),
        makePod(QStringLiteral("joledev"), QStringLiteral("gatus-6d5f4c8b7-p9r3t"), QStringLiteral("Running"),
                1, 1, 1, 20 * 86400, 5 * 86400),
        makePod(QStringLiteral("kube-system"), QStringLiteral("traefik-d7c9c5778-lt8wz"),
                QStringLiteral("Running"), 1, 1, 0, 40 * 86400),
        makePod(QStringLiteral("kube-system"), QStringLiteral("coredns-6799fbcd5-9xk2b"),
                QStringLiteral("Running"), 1, 1, 0, 40 * 86400),
        makePod(QStringLiteral("kube-system"), QStringLiteral("metrics-server-54fd9b65b-7wqzn"),
                QStringLiteral("Running"), 1, 1, 2, 40 * 86400, 3 * 3600),
        makePod(QStringLiteral("kube-system"), QStringLiteral("local-path-provisioner-6c86858495-rq2ld"),
                QStringLiteral("Running"), 1, 1, 0, 40 * 86400),
        makePod(QStringLiteral("kube-system"), QStringLiteral("helm-install-traefik-crd-5x7kd"),
                QStringLiteral("Completed"), 0, 1, 0, 40 * 86400),
    };
    if (withCrash) {
        pods.append(makePod(QStringLiteral("joledev"), QStringLiteral("api-scheduler-7f6d5c4b9-k8s2m"),
                            QStringLiteral("CrashLoopBackOff"), 0, 1, 3, 2 * 86400, 120));
    } else {
        pods.append(makePod(QStringLiteral("joledev"), QStringLiteral("api-scheduler-7f6d5c4b9-k8s2m"),
                            QStringLiteral("Running"), 1, 1, 0, 2 * 86400));
    }
    return pods;
}

} // namespace vigia::test
