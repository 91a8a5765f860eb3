#include "ssh/SshConnection.h"

#include "core/Log.h"
#include "ssh/LoginShell.h"
#include "ssh/RemoteWrapper.h"
#include "ssh/SshMetaTypes.h"
#include "ssh/SshWorker.h"

#include <QHash>
#include <QThread>
#include <QTimer>

#include <memory>

namespace vigia::ssh {

class SshConnection::Private {
public:
    QThread *thread = nullptr;
    SshWorker *worker = nullptr;
    QHash<quint64, QPointer<SshChannel>> channels;
    quint64 nextId = 1;
    QString cipher;
    QString mac;
    ShellKind shellKind = ShellKind::Posix;

    template <typename F> void post(F &&f)
    {
        if (worker)
            QMetaObject::invokeMethod(worker, std::forward<F>(f), Qt::QueuedConnection);
    }
};

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
    registerMetaTypes();
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
        probeLoginShell();
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
ShellKind SshConnection::shellKind() const
{
    return d ? d->shellKind : ShellKind::Posix;
}

QString SshConnection::mac() const
{
    return d ? d->mac : QString();
}

void SshConnection::open(const SshTarget &target)
{
    m_target = target;
    m_target.connectionId = RemoteWrapper::newId();
    d->cipher.clear();
    d->mac.clear();
    m_state = SessionState::Connecting;
    SshWorker *w = d->worker;
    d->post([w, t = m_target] { w->open(t); });
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
    if (m_gate) {
        if (std::optional<Error> refused = m_gate(commandLine)) {
            qCInfo(lcSsh) << "refused by the command gate:" << refused->message;
            auto *ch = new SshChannel(d->nextId++, this);
            // Finished later, as a real channel would, so the caller can connect first.
            QMetaObject::invokeMethod(
                ch,
                [ch, e = *refused] {
                    if (ch->m_finished)
                        return;
                    ch->m_finished = true;
                    ExitInfo exit;
                    exit.error = e;
                    emit ch->finished(exit);
                },
                Qt::QueuedConnection);
            return ch;
        }
    }
    return execUngated(commandLine, options);
}

SshChannel *SshConnection::execUngated(const QString &commandLine, const ExecOptions &options)
{
    const quint64 id = d->nextId++;
    auto *ch = new SshChannel(id, this);
    d->channels.insert(id, ch);
    SshWorker *w = d->worker;
    d->post([w, id, commandLine, options] { w->exec(id, commandLine, options); });
    return ch;
}

void SshConnection::probeLoginShell()
{
    // Before anything else runs: every later line is spelled for the shell found here.
    ExecOptions opts;
    opts.raw = true;
    opts.timeoutMs = 10000;
    SshChannel *ch = execUngated(LoginShell::probeCommand(), opts);
    auto out = std::make_shared<QByteArray>();
    connect(ch, &SshChannel::stdoutReady, ch, [out](const QByteArray &chunk) {
        if (out->size() < 4096)
            out->append(chunk);
    });
    connect(ch, &SshChannel::finished, this, [this, ch, out](const ExitInfo &exit) {
        ch->deleteLater();
        const QString text = QString::fromUtf8(*out);
        ShellKind kind = exit.success() ? LoginShell::classify(text) : ShellKind::Unknown;
        if (std::optional<Error> refused = LoginShell::refusal(kind, text)) {
            qCWarning(lcSsh) << "login shell refused:" << text.trimmed();
            emit failed(*refused);
            close();
            return;
        }
        if (kind == ShellKind::Unknown) {
            // An unusual sh-like shell, or no answer: the lines are POSIX, try them as they are.
            qCInfo(lcSsh) << "login shell not recognised (" << text.trimmed().left(80) << "): sending POSIX lines";
            kind = ShellKind::Posix;
        }
        d->shellKind = kind;
        SshWorker *w = d->worker;
        d->post([w, kind] { w->setShellKind(kind); });
        sweepLeftovers();
        emit connected();
    });
}

void SshConnection::sweepLeftovers()
{
    // Our own processes only, named by our tag and proved by their environment: this is
    // allowed in read-only mode, since it ends what Vigía itself started.
    const QString cmd = RemoteWrapper::sweepCommand(m_target.clientTag, m_target.connectionId);
    if (cmd.isEmpty())
        return;
    ExecOptions opts;
    opts.timeoutMs = 15000;
    SshChannel *ch = execUngated(cmd, opts);
    auto out = std::make_shared<QByteArray>();
    connect(ch, &SshChannel::stdoutReady, ch, [out](const QByteArray &chunk) {
        if (out->size() < 65536)
            out->append(chunk);
    });
    connect(ch, &SshChannel::finished, this, [this, ch, out](const ExitInfo &) {
        const QByteArray text = *out;
        ch->deleteLater();
        const int n = text.count("ended ");
        if (n > 0)
            qCInfo(lcSsh) << "ended" << n << "process groups left by an earlier connection";
        emit leftoversEnded(n);
    });
}

} // namespace vigia::ssh
