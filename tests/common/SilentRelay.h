#pragma once
// A userspace TCP relay on 127.0.0.1 in front of a real server, for faults a network makes:
// freeze() stops forwarding in both directions without closing anything, as a dropped route or a
// NAT that forgot the connection does (a silent peer: neither end sees a FIN or RST); cut() closes
// every relayed connection. Runs on the thread that creates it; the test's event loop drives it.
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace vigia::test {

class SilentRelay : public QObject {
public:
    explicit SilentRelay(quint16 targetPort, QObject *parent = nullptr) : QObject(parent), m_targetPort(targetPort)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *in = m_server.nextPendingConnection())
                relay(in);
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    int connectionCount() const { return int(m_pairs.size()); }
    // Freezes the connections relayed so far; later ones are relayed normally (the reconnect).
    void freeze()
    {
        for (Pair &p : m_pairs)
            p.frozen = true;
    }
    void cut()
    {
        for (Pair &p : m_pairs) {
            if (p.in) p.in->abort();
            if (p.out) p.out->abort();
        }
        m_pairs.clear();
    }

private:
    struct Pair {
        QPointer<QTcpSocket> in;
        QPointer<QTcpSocket> out;
        bool frozen = false;
    };

    void relay(QTcpSocket *in)
    {
        auto *out = new QTcpSocket(this);
        in->setParent(this);
        const int index = int(m_pairs.size());
        m_pairs.append({in, out, false});
        const auto pump = [this, index](QTcpSocket *from, QTcpSocket *to) {
            // Frozen: nothing is read, so the kernel's buffers fill and both ends just wait.
            if (index >= m_pairs.size() || m_pairs[index].frozen || !from || !to)
                return;
            if (to->state() == QAbstractSocket::ConnectedState)
                to->write(from->readAll());
        };
        connect(in, &QTcpSocket::readyRead, this, [=, this] { pump(in, out); });
        connect(out, &QTcpSocket::readyRead, this, [=, this] { pump(out, in); });
        connect(out, &QTcpSocket::connected, this, [=, this] { pump(in, out); });
        connect(in, &QTcpSocket::disconnected, out, [=, this] { if (!m_pairs.value(index).frozen) out->disconnectFromHost(); });
        connect(out, &QTcpSocket::disconnected, in, [=, this] { if (!m_pairs.value(index).frozen) in->disconnectFromHost(); });
        out->connectToHost(QHostAddress::LocalHost, m_targetPort);
    }

    QTcpServer m_server;
    quint16 m_targetPort;
    QList<Pair> m_pairs;
};

} // namespace vigia::test
