#include "ssh/SshConnection.h"

#include "core/Log.h"
#include "ssh/SshWorker.h"

#include <QHash>
#include <QThread>
#include <QTimer>

namespace vigia::ssh {

class SshConnection::Private {
public:
    QThread *thread = nullptr;
    SshWorker *worker = nullptr;
    QHash<quint64, QPointer<SshChannel>> channels;
    quint64 nextId = 1;
    QString cipher;
    QString mac;

    template <typename F> void post(F &&f)
    {
        if (worker)
            QMetaObject::invokeMethod(worker, std::forward<F>(f), Qt::QueuedConnection);
    }
};

static void registerTypes()
{
    static const bool once = [] {
        qRegisterMetaType<vigia::Error>("vigia::Error");
        qRegisterMetaType<vigia::ssh::SessionState>("vigia::ssh::SessionState");
        qRegisterMetaType<vigia::ssh::HostKeyInfo>("vigia::ssh::HostKeyInfo");
        qRegisterMetaType<vigia::ssh::ExitInfo>("vigia::ssh::ExitInfo");
        qRegisterMetaType<vigia::ssh::SshTarget>("vigia::ssh::SshTarget");
        qRegisterMetaType<vigia::ssh::ExecOptions>("vigia::ssh::ExecOptions");
        return true;
    }();
    Q_UNUSED(once);
}

SshChannel::SshChannel(quint64 id, SshConnection *owner) : QObject(owner), m_id(id), m_owner(owner) {}

SshChannel::~SshChannel()
{
    if (m_owner && m_owner->d) {
        m_owner->d->channels.remove(m_id);
        if (!m_finished) {
            const quint64 id = m_id;
            SshWorker *w = m_owner->d->worker;
            m_owner->d->post([w, id] { w->cancel(id, true); });
        }
    }
}

void SshChannel::cancel()
{
    if (m_finished || !m_owner || !m_owner->d)
        return;
    const quint64 id = m_id;
    SshWorker *w = m_owner->d->worker;
    m_owner->d->post([w, id] { w->cancel(id, false); });
}

void SshChannel::write(const QByteArray &data)
{
    if (m_finished || !m_owner || !m_owner->d || data.isEmpty())
        return;
    const quint64 id = m_id;
    SshWorker *w = m_owner->d->worker;
    m_owner->d->post([w, id, data] { w->write(id, data); });
}

void SshChannel::closeStdin()
{
    if (m_finished || !m_owner || !m_owner->d)
        return;
    const quint64 id = m_id;
    SshWorker *w = m_owner->d->worker;
    m_owner->d->post([w, id] { w->closeStdin(id); });
}

void SshChannel::stop(int graceMs)
{
    if (m_finished || !m_owner || !m_owner->d)
        return;
    closeStdin();
    QTimer::singleShot(graceMs, this, [this] { cancel(); });
}

SshConnection::SshConnection(QObject *parent) : QObject(parent), d(new Private)
{
    registerTypes();
    d->thread = new QThread;
    d->thread->setObjectName(QStringLiteral("vigia-ssh"));
    d->worker = new SshWorker;
    d->worker->moveToThread(d->thread);
    connect(d->thread, &QThread::finished, d->worker, &QObject::deleteLater);

    SshWorker *w = d->worker;
    connect(w, &SshWorker::stateChanged, this, [this](SessionState s, const QString &detail) {
        m_state = s;
        emit stateChanged(s, detail);
    });
    connect(w, &SshWorker::hostKeyUnknown, this, &SshConnection::hostKeyUnknown);
    connect(w, &SshWorker::hostKeyMismatch, this, &SshConnection::hostKeyMismatch);
    connect(w, &SshWorker::passphraseRequired, this, &SshConnection::passphraseRequired);
    connect(w, &SshWorker::connected, this, [this](const QString &cipher, const QString &mac) {
        d->cipher = cipher;
        d->mac = mac;
        emit connected();
    });
    connect(w, &SshWorker::failed, this, &SshConnection::failed);
    connect(w, &SshWorker::lost, this, &SshConnection::lost);
    connect(w, &SshWorker::channelStarted, this, [this](quint64 id) {
        if (QPointer<SshChannel> ch = d->channels.value(id))
            emit ch->started();
    });
    connect(w, &SshWorker::channelOutput, this,
            [this](quint64 id, const QByteArray &out, const QByteArray &err) {
                QPointer<SshChannel> ch = d->channels.value(id);
                if (ch && !out.isEmpty())
                    emit ch->stdoutReady(out);
                if (ch && !err.isEmpty())
                    emit ch->stderrReady(err);
                // The chunk has been handled (slots ran): give the worker its credit back.
                const qint64 n = out.size() + err.size();
                SshWorker *wk = d->worker;
                d->post([wk, id, n] { wk->consumed(id, n); });
            });
    connect(w, &SshWorker::channelFinished, this, [this](quint64 id, const ExitInfo &exit) {
        QPointer<SshChannel> ch = d->channels.take(id);
        if (!ch || ch->m_finished)
            return;
        ch->m_finished = true;
        emit ch->finished(exit);
    });
    d->thread->start();
}

SshConnection::~SshConnection()
{
    // Stop deliveries first, then let the worker free libssh2 in its own thread.
    disconnect(d->worker, nullptr, this, nullptr);
    for (const QPointer<SshChannel> &ch : std::as_const(d->channels))
        if (ch)
            ch->m_owner = nullptr;
    SshWorker *w = d->worker;
    QMetaObject::invokeMethod(
        w, [w] { w->shutdown(QString()); }, Qt::BlockingQueuedConnection);
    d->thread->quit();
    d->thread->wait();
    delete d->thread;
    Private *p = d;
    d = nullptr;
    delete p;
}

QString SshConnection::cipher() const
{
    return d ? d->cipher : QString();
}
QString SshConnection::mac() const
{
    return d ? d->mac : QString();
}

void SshConnection::open(const SshTarget &target)
{
    m_target = target;
    d->cipher.clear();
    d->mac.clear();
    m_state = SessionState::Connecting;
    SshWorker *w = d->worker;
    d->post([w, target] { w->open(target); });
}

void SshConnection::close()
{
    SshWorker *w = d->worker;
    d->post([w] { w->shutdown(QString()); });
}

void SshConnection::answerHostKey(HostKeyDecision decision, const QString &fingerprint)
{
    SshWorker *w = d->worker;
    d->post([w, decision, fingerprint] { w->answerHostKey(decision, fingerprint); });
}

void SshConnection::answerPassphrase(const QString &keyFile, const std::optional<QString> &passphrase)
{
    SshWorker *w = d->worker;
    d->post([w, keyFile, passphrase] { w->answerPassphrase(keyFile, passphrase); });
}

SshChannel *SshConnection::exec(const QString &commandLine, const ExecOptions &options)
{
    const quint64 id = d->nextId++;
    auto *ch = new SshChannel(id, this);
    d->channels.insert(id, ch);
    SshWorker *w = d->worker;
    d->post([w, id, commandLine, options] { w->exec(id, commandLine, options); });
    return ch;
}

} // namespace vigia::ssh
