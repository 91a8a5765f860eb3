#include "ssh/SshWorker.h"

#include "core/Log.h"
#include "ssh/Fingerprint.h"
#include "ssh/KnownHosts.h"
#include "ssh/Libssh2Init.h"
#include "ssh/RemoteWrapper.h"
#include "ssh/SshConnection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QTimer>

#include <libssh2.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vigia::ssh {

namespace {

constexpr int kReadChunk = 64 * 1024;
constexpr int kFlushBytes = 256 * 1024;          // emit at once when this much is buffered
constexpr int kFlushIntervalMs = 16;             // otherwise at most once per frame
constexpr qint64 kMaxInFlight = 8 * 1024 * 1024; // unconsumed bytes per channel before reads pause
constexpr qint64 kReadBudget =
    4 * 1024 * 1024; // per channel per wakeup, so one stream cannot starve the rest
constexpr unsigned kWindowSize = 16 * 1024 * 1024;
constexpr int kZombieGraceMs = 3000;
constexpr int kIdleDrainBytes = 32 * 1024;

// libssh2 hands this the session's abstract pointer: the worker.
LIBSSH2_RECV_FUNC(recvHook)
{
    const ssize_t n = ::recv(socket, buffer, length, flags);
    if (n > 0 && abstract && *abstract)
        static_cast<SshWorker *>(*abstract)->noteBytesArrived();
    else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return -EAGAIN; // libssh2's own callbacks return -errno
    else if (n < 0)
        return -errno;
    return n;
}

bool isRsaType(const QString &type)
{
    return type == QLatin1String("ssh-rsa");
}

// Reads just enough of a private key file to know its algorithm and whether a
// passphrase protects it. Never logs or keeps the contents.
void inspectKeyFile(const QString &path, QString *type, bool *encrypted)
{
    *encrypted = false;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QByteArray text = f.read(256 * 1024);
    if (text.contains("BEGIN OPENSSH PRIVATE KEY")) {
        QByteArray b64;
        for (const QByteArray &line : text.split('\n'))
            if (!line.startsWith("-----"))
                b64 += line.trimmed();
        const QByteArray blob = QByteArray::fromBase64(b64);
        static const char magic[] = "openssh-key-v1";
        if (!blob.startsWith(QByteArray(magic, sizeof magic)))
            return;
        int pos = int(sizeof magic);
        auto readString = [&](QByteArray *out) {
            if (pos + 4 > blob.size())
                return false;
            const auto *p = reinterpret_cast<const unsigned char *>(blob.constData() + pos);
            const quint32 len = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | p[3];
            pos += 4;
            if (len > quint32(blob.size() - pos))
                return false;
            *out = blob.mid(pos, int(len));
            pos += int(len);
            return true;
        };
        QByteArray cipher, kdf, kdfOpts, pub;
        if (!readString(&cipher) || !readString(&kdf) || !readString(&kdfOpts))
            return;
        *encrypted = cipher != "none";
        pos += 4; // number of keys
        if (readString(&pub))
            *type = keyTypeFromBlob(pub);
        return;
    }
    *encrypted = text.contains("Proc-Type: 4,ENCRYPTED") || text.contains("BEGIN ENCRYPTED PRIVATE KEY");
    if (text.contains("BEGIN RSA PRIVATE KEY"))
        *type = QStringLiteral("ssh-rsa");
    else if (text.contains("BEGIN EC PRIVATE KEY"))
        *type = QStringLiteral("ecdsa");
    // The .pub next to it names the type when the private key does not say.
    if (type->isEmpty()) {
        QFile pub(path + QStringLiteral(".pub"));
        if (pub.open(QIODevice::ReadOnly))
            *type = QString::fromLatin1(pub.readLine(4096).split(' ').value(0)).trimmed();
    }
}

QString versionMajorMinor()
{
    return QStringLiteral("%1.%2")
        .arg((LIBSSH2_VERSION_NUM >> 16) & 0xff)
        .arg((LIBSSH2_VERSION_NUM >> 8) & 0xff);
}

} // namespace

SshWorker::SshWorker(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_connectDeadline = new QTimer(this);
    m_connectDeadline->setSingleShot(true);
    connect(m_connectDeadline, &QTimer::timeout, this, [this] {
        fail(makeError(
            QCoreApplication::translate("SshWorker", "Timed out connecting to %1:%2.").arg(m_target.host).arg(m_target.port),
            QCoreApplication::translate("SshWorker", "Check that the server is up and reachable, and that the port is right."),
            QStringLiteral("net.timeout")));
    });
    m_keepalive = new QTimer(this);
    connect(m_keepalive, &QTimer::timeout, this, &SshWorker::onKeepalive);
    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(kFlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &SshWorker::flushAll);
}

SshWorker::~SshWorker()
{
    teardown();
}

void SshWorker::setState(SessionState s, const QString &detail)
{
    m_state = s;
    emit stateChanged(s, detail);
}

QString SshWorker::lastErrorText() const
{
    if (!m_session)
        return {};
    char *msg = nullptr;
    int len = 0;
    libssh2_session_last_error(m_session, &msg, &len, 0);
    return msg ? QString::fromUtf8(msg, len) : QString();
}

Error SshWorker::sessionError(const QString &what, int rc) const
{
    const QString detail = lastErrorText();
    switch (rc) {
    case LIBSSH2_ERROR_SOCKET_DISCONNECT:
    case LIBSSH2_ERROR_SOCKET_RECV:
    case LIBSSH2_ERROR_SOCKET_SEND:
        return makeError(QCoreApplication::translate("SshWorker", "The connection to %1 was closed (%2).").arg(m_target.host, what),
                         QCoreApplication::translate("SshWorker", "The server or the network dropped it; connect again."),
                         QStringLiteral("conn.lost"));
    default:
        return makeError(QCoreApplication::translate("SshWorker", "SSH error while %1: %2 (libssh2 %3).").arg(what, detail).arg(rc), {},
                         QStringLiteral("ssh.protocol"));
    }
}

void SshWorker::open(const SshTarget &target)
{
    teardown();
    m_target = target;
    m_phase = Phase::Idle;
    m_rsaRefused = false;
    m_authNotes.clear();
    m_auth.clear();
    m_authIndex = 0;
    m_passphraseTries = 0;
    m_havePassphrase = false;
    m_passphrase.clear();
    if (!ensureLibssh2()) {
        fail(makeError(QCoreApplication::translate("SshWorker", "libssh2 could not be initialised."), {}, QStringLiteral("ssh.init")));
        return;
    }
    m_user = (m_target.user.isEmpty() ? qEnvironmentVariable("USER") : m_target.user).toUtf8();
    QString khPath = m_target.knownHostsPath;
    if (khPath.isEmpty())
        khPath = QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
    m_knownHosts = std::make_unique<KnownHosts>(khPath);
    if (auto r = m_knownHosts->load(); !r) {
        fail(r.error());
        return;
    }
    setState(SessionState::Connecting, QStringLiteral("%1:%2").arg(m_target.host).arg(m_target.port));
    m_connectDeadline->start(qMax(1000, m_target.connectTimeoutMs));

    // Blocking name resolution is acceptable here: this is the worker thread
    // and the connect deadline is reported independently by the UI side too.
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *res = nullptr;
    const QByteArray host = m_target.host.toUtf8();
    const QByteArray port = QByteArray::number(m_target.port);
    const int gai = getaddrinfo(host.constData(), port.constData(), &hints, &res);
    if (gai != 0 || !res) {
        fail(makeError(QCoreApplication::translate("SshWorker", "Cannot resolve host name \"%1\": %2")
                           .arg(m_target.host, QString::fromUtf8(gai_strerror(gai))),
                       QCoreApplication::translate("SshWorker", "Check the host name in the profile or in ~/.ssh/config."),
                       QStringLiteral("net.resolve")));
        return;
    }
    m_addrs.clear();
    for (addrinfo *ai = res; ai && m_addrs.size() < 16; ai = ai->ai_next)
        m_addrs << QByteArray(reinterpret_cast<const char *>(ai->ai_addr), int(ai->ai_addrlen));
    freeaddrinfo(res);
    m_addrIndex = 0;
    m_phase = Phase::TcpConnect;
    if (!startTcp())
        return;
}

bool SshWorker::startTcp()
{
    int lastErr = 0;
    while (m_addrIndex < m_addrs.size()) {
        const QByteArray &a = m_addrs.at(m_addrIndex);
        const auto *sa = reinterpret_cast<const sockaddr *>(a.constData());
        m_sock = ::socket(sa->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (m_sock < 0) {
            lastErr = errno;
            ++m_addrIndex;
            continue;
        }
        int one = 1;
        ::setsockopt(m_sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (::connect(m_sock, sa, socklen_t(a.size())) == 0 || errno == EINPROGRESS) {
            dropNotifiers();
            m_readN = new QSocketNotifier(m_sock, QSocketNotifier::Read, this);
            m_writeN = new QSocketNotifier(m_sock, QSocketNotifier::Write, this);
            m_readN->setEnabled(false);
            connect(m_readN, &QSocketNotifier::activated, this, [this] { drive(); });
            connect(m_writeN, &QSocketNotifier::activated, this, [this] {
                if (m_phase == Phase::TcpConnect)
                    tcpConnected();
                else
                    drive();
            });
            m_writeN->setEnabled(true);
            return true;
        }
        lastErr = errno;
        ::close(m_sock);
        m_sock = -1;
        ++m_addrIndex;
    }
    if (lastErr == ECONNREFUSED)
        fail(makeError(QCoreApplication::translate("SshWorker", "Connection refused by %1:%2.").arg(m_target.host).arg(m_target.port),
                       QCoreApplication::translate("SshWorker", "Is sshd running there, and is the port right?"),
                       QStringLiteral("net.refused")));
    else
        fail(makeError(QCoreApplication::translate("SshWorker", "Cannot connect to %1:%2: %3.")
                           .arg(m_target.host)
                           .arg(m_target.port)
                           .arg(QString::fromLocal8Bit(strerror(lastErr))),
                       QCoreApplication::translate("SshWorker", "Check the host, the port and the network."),
                       QStringLiteral("net.unreachable")));
    return false;
}

void SshWorker::tcpConnected()
{
    int err = 0;
    socklen_t len = sizeof err;
    ::getsockopt(m_sock, SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0) {
        dropNotifiers();
        ::close(m_sock);
        m_sock = -1;
        ++m_addrIndex;
        errno = err;
        if (m_addrIndex < m_addrs.size()) {
            startTcp();
            return;
        }
        if (err == ECONNREFUSED)
            fail(makeError(
                QCoreApplication::translate("SshWorker", "Connection refused by %1:%2.").arg(m_target.host).arg(m_target.port),
                QCoreApplication::translate("SshWorker", "Is sshd running there, and is the port right?"),
                QStringLiteral("net.refused")));
        else
            fail(makeError(QCoreApplication::translate("SshWorker", "Cannot connect to %1:%2: %3.")
                               .arg(m_target.host)
                               .arg(m_target.port)
                               .arg(QString::fromLocal8Bit(strerror(err))),
                           QCoreApplication::translate("SshWorker", "Check the host, the port and the network."),
                           QStringLiteral("net.unreachable")));
        return;
    }
    m_writeN->setEnabled(false);

    m_session = libssh2_session_init_ex(nullptr, nullptr, nullptr, this);
    if (!m_session) {
        fail(
            makeError(QCoreApplication::translate("SshWorker", "libssh2 could not create a session."), {}, QStringLiteral("ssh.init")));
        return;
    }
    libssh2_session_callback_set(m_session, LIBSSH2_CALLBACK_RECV, reinterpret_cast<void *>(&recvHook));
    libssh2_session_set_blocking(m_session, 0);

    // Offer the host key types already on record first, as OpenSSH does, so a
    // known host is not reported as unknown just because it also has another
    // key type. Otherwise OpenSSH's order (ed25519 first), so the fingerprint
    // shown is the one `ssh` would show.
    QStringList prefs = m_knownHosts->recordedKeyTypes(
        m_target.hostKeyAlias.isEmpty() ? m_target.host : m_target.hostKeyAlias, m_target.port);
    const QStringList defaults
    {
        QStringLiteral("ssh-ed25519"), QStringLiteral("ecdsa-sha2-nistp256"),
            QStringLiteral("ecdsa-sha2-nistp384"), QStringLiteral("ecdsa-sha2-nistp521"),
#if LIBSSH2_VERSION_NUM >= 0x010b00
            QStringLiteral("rsa-sha2-512"), QStringLiteral("rsa-sha2-256"),
#endif
            QStringLiteral("ssh-rsa")
    };
    for (const QString &t : defaults)
        if (!prefs.contains(t))
            prefs << t;
    if (libssh2_session_method_pref(m_session, LIBSSH2_METHOD_HOSTKEY,
                                    prefs.join(QLatin1Char(',')).toLatin1().constData()) != 0)
        qCDebug(lcSsh) << "host key preference not accepted:" << lastErrorText();
#if LIBSSH2_VERSION_NUM >= 0x010b00 && defined(LIBSSH2_METHOD_SIGN_ALGO)
    libssh2_session_method_pref(m_session, LIBSSH2_METHOD_SIGN_ALGO, "rsa-sha2-512,rsa-sha2-256,ssh-rsa");
#endif
    m_phase = Phase::Handshake;
    m_lastRx = m_clock.elapsed();
    drive();
}

void SshWorker::scheduleDrive()
{
    if (m_driveScheduled)
        return;
    m_driveScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_driveScheduled = false;
        drive();
    });
}

void SshWorker::drive()
{
    if (m_inDrive) {
        scheduleDrive();
        return;
    }
    m_inDrive = true;
    bool wantRead = false;
    // A finished step moves to the next phase, which must run now: the
    // server is waiting for us, so no socket event would come.
    for (int guard = 0; guard < 8; ++guard) {
        const Phase before = m_phase;
        switch (m_phase) {
        case Phase::Handshake:
            wantRead = stepHandshake();
            break;
        case Phase::AuthList:
            wantRead = stepAuthList();
            break;
        case Phase::Auth:
            wantRead = stepAuth();
            break;
        case Phase::Connected:
            serviceChannels();
            break;
        default:
            break;
        }
        if (m_phase == before || m_phase == Phase::Connected || m_phase == Phase::Dead)
            break;
    }
    m_inDrive = false;
    if (m_phase == Phase::Connected) {
        for (const auto &[id, c] : m_channels) {
            if (c->state == ChanState::Queued)
                continue;
            if (c->state != ChanState::Running || c->inFlight < kMaxInFlight)
                wantRead = true;
        }
    }
    updateNotifiers(wantRead);
}

void SshWorker::updateNotifiers(bool wantRead)
{
    if (!m_readN || !m_writeN)
        return;
    const bool waiting = m_phase == Phase::HostKeyWait || m_phase == Phase::PassphraseWait ||
                         m_phase == Phase::Dead || m_phase == Phase::Idle;
    const int dirs = m_session ? libssh2_session_block_directions(m_session) : 0;
    bool read = !waiting && wantRead;
    if (m_phase != Phase::Connected && !waiting && (dirs & LIBSSH2_SESSION_BLOCK_INBOUND))
        read = true;
    if (read && !m_readN->isEnabled())
        m_pendingRxProbe = 0;
    m_readN->setEnabled(read);
    m_writeN->setEnabled(!waiting && (dirs & LIBSSH2_SESSION_BLOCK_OUTBOUND));
}

bool SshWorker::stepHandshake()
{
    const int rc = libssh2_session_handshake(m_session, libssh2_socket_t(m_sock));
    if (rc == LIBSSH2_ERROR_EAGAIN)
        return true;
    if (rc != 0) {
        Error e = sessionError(QCoreApplication::translate("SshWorker", "negotiating the SSH session"), rc);
        if (e.code == QLatin1String("ssh.protocol"))
            e.code = QStringLiteral("ssh.handshake");
        e.hint = QCoreApplication::translate("SshWorker", "Is this an SSH server? Its algorithms may not be supported by libssh2 %1.")
                     .arg(QString::fromLatin1(LIBSSH2_VERSION));
        fail(e);
        return false;
    }
    if (const char *c = libssh2_session_methods(m_session, LIBSSH2_METHOD_CRYPT_SC))
        m_cipher = QString::fromLatin1(c);
    if (const char *m = libssh2_session_methods(m_session, LIBSSH2_METHOD_MAC_SC))
        m_mac = QString::fromLatin1(m);
    size_t len = 0;
    int type = 0;
    const char *key = libssh2_session_hostkey(m_session, &len, &type);
    if (!key || len == 0) {
        fail(
            makeError(QCoreApplication::translate("SshWorker", "The server sent no host key."), {}, QStringLiteral("hostkey.missing")));
        return false;
    }
    m_hostKeyBlob = QByteArray(key, int(len));
    checkHostKey();
    return m_phase != Phase::HostKeyWait && m_phase != Phase::Dead;
}

void SshWorker::checkHostKey()
{
    const QString name = m_target.hostKeyAlias.isEmpty() ? m_target.host : m_target.hostKeyAlias;
    const KnownHostLookup r = m_knownHosts->lookup(name, m_target.port, m_hostKeyBlob);
    HostKeyInfo info;
    info.host = r.hostEntry;
    info.port = m_target.port;
    info.keyType = r.keyType;
    info.fingerprint = r.fingerprint;
    info.knownHostsPath = m_knownHosts->path();
    m_hostKeyEntry = r.hostEntry;
    switch (r.status) {
    case KnownHostStatus::Match:
        qCDebug(lcSsh) << "host key matches" << r.hostEntry << r.fingerprint;
        afterHostKey();
        return;
    case KnownHostStatus::Mismatch: {
        info.knownFingerprint = r.knownFingerprint;
        info.knownHostsLine = r.knownLine;
        emit hostKeyMismatch(info);
        fail(makeError(
            QCoreApplication::translate("SshWorker", 
                "WARNING: THE HOST KEY OF %1 HAS CHANGED! Someone could be eavesdropping on you right now "
                "(man-in-the-middle attack), or the server was reinstalled. The server presented %2 key %3, "
                "but %4 line %5 records %6 key %7. Vigía refused to connect.")
                .arg(r.hostEntry, r.keyType, r.fingerprint, m_knownHosts->path())
                .arg(r.knownLine)
                .arg(r.knownKeyType, r.knownFingerprint),
            QCoreApplication::translate("SshWorker", 
                "If you know why the key changed, remove the old key (ssh-keygen -R \"%1\" -f %2, or delete "
                "line %3) and connect again.")
                .arg(r.hostEntry, m_knownHosts->path())
                .arg(r.knownLine),
            QStringLiteral("hostkey.mismatch")));
        return;
    }
    case KnownHostStatus::OtherTypeKnown:
        emit hostKeyMismatch(info);
        fail(makeError(
            QCoreApplication::translate(
                "SshWorker",
                "WARNING: %1 presented a %2 key (%3), but %4 records only %5 keys for it. The server stopped "
                "offering the key type on record: it may have been reinstalled, or someone else is answering "
                "(man-in-the-middle attack). Vigía refused to connect.")
                .arg(r.hostEntry, r.keyType, r.fingerprint, m_knownHosts->path(),
                     r.recordedTypes.join(QStringLiteral(", "))),
            QCoreApplication::translate("SshWorker",
                                        "Check the server's keys (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on it). "
                                        "If the change is expected, remove the old entry (ssh-keygen -R \"%1\" -f %2) "
                                        "and connect again.")
                .arg(r.hostEntry, m_knownHosts->path()),
            QStringLiteral("hostkey.other-type")));
        return;
    case KnownHostStatus::Unknown:
        m_phase = Phase::HostKeyWait;
        m_connectDeadline->stop(); // a person is reading the fingerprint
        setState(SessionState::VerifyingHostKey, r.fingerprint);
        emit hostKeyUnknown(info);
        return;
    }
}

void SshWorker::answerHostKey(HostKeyDecision decision, const QString &fingerprint)
{
    if (m_phase != Phase::HostKeyWait)
        return;
    if (!fingerprint.isEmpty() && decision != HostKeyDecision::Reject &&
        fingerprint != sha256Fingerprint(m_hostKeyBlob)) {
        fail(makeError(QCoreApplication::translate("SshWorker",
                                                   "The host key of %1 is not the one you were shown (%2), so it "
                                                   "was not trusted.")
                           .arg(m_hostKeyEntry, fingerprint),
                       QCoreApplication::translate("SshWorker", "Connect again and compare the new fingerprint."),
                       QStringLiteral("hostkey.stale-answer")));
        return;
    }
    switch (decision) {
    case HostKeyDecision::Reject:
        fail(makeError(QCoreApplication::translate("SshWorker", "You did not trust the host key of %1.").arg(m_hostKeyEntry), {},
                       QStringLiteral("hostkey.rejected")));
        return;
    case HostKeyDecision::TrustAndRemember: {
        const QString name = m_target.hostKeyAlias.isEmpty() ? m_target.host : m_target.hostKeyAlias;
        if (auto r = m_knownHosts->append(name, m_target.port, m_hostKeyBlob); !r)
            qCWarning(lcSsh).noquote() << "could not remember the host key:" << r.error().message;
        break;
    }
    case HostKeyDecision::ConnectOnce:
        break;
    }
    m_connectDeadline->start(qMax(1000, m_target.connectTimeoutMs));
    afterHostKey();
    drive();
}

void SshWorker::afterHostKey()
{
    m_phase = Phase::AuthList;
    setState(SessionState::Authenticating, QString::fromUtf8(m_user));
}

bool SshWorker::stepAuthList()
{
    const char *list = libssh2_userauth_list(m_session, m_user.constData(), unsigned(m_user.size()));
    if (!list) {
        if (libssh2_userauth_authenticated(m_session)) { // "none" was accepted
            onConnected();
            return false;
        }
        const int rc = libssh2_session_last_errno(m_session);
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return true;
        fail(sessionError(QCoreApplication::translate("SshWorker", "asking for the authentication methods"), rc));
        return false;
    }
    m_authMethods = QString::fromLatin1(list);
    if (!m_authMethods.split(QLatin1Char(',')).contains(QLatin1String("publickey"))) {
        fail(makeError(
            QCoreApplication::translate("SshWorker", "The server does not accept key authentication (it offers: %1).")
                .arg(m_authMethods),
            QCoreApplication::translate("SshWorker", "Vigía logs in with SSH keys only; enable PubkeyAuthentication in sshd_config."),
            QStringLiteral("auth.no-publickey")));
        return false;
    }
    buildAuthCandidates();
    m_phase = Phase::Auth;
    return stepAuth();
}

void SshWorker::buildAuthCandidates()
{
    m_auth.clear();
    m_authIndex = 0;
    if (m_target.useAgent && !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK")) {
        m_agent = libssh2_agent_init(m_session);
        if (m_agent && libssh2_agent_connect(m_agent) == 0 && libssh2_agent_list_identities(m_agent) == 0) {
            libssh2_agent_publickey *id = nullptr;
            int guard = 0;
            while (libssh2_agent_get_identity(m_agent, &id, id) == 0 && ++guard < 256) {
                AuthCandidate c;
                c.kind = AuthCandidate::Agent;
                c.agentIdentity = id;
                c.keyType =
                    keyTypeFromBlob(QByteArray(reinterpret_cast<const char *>(id->blob), int(id->blob_len)));
                c.keyFile = QStringLiteral("agent:%1").arg(QString::fromUtf8(id->comment));
                m_auth.push_back(c);
            }
        } else {
            qCDebug(lcSsh) << "ssh-agent not usable:" << lastErrorText();
        }
    }
    QStringList files = m_target.identityFiles;
    if (m_target.useDefaultIdentities) {
        files << QDir::homePath() + QStringLiteral("/.ssh/id_ed25519")
              << QDir::homePath() + QStringLiteral("/.ssh/id_ecdsa");
    }
    QStringList seen;
    for (QString f : files) {
        if (f.startsWith(QLatin1String("~/")))
            f = QDir::homePath() + f.mid(1);
        if (seen.contains(f))
            continue;
        seen << f;
        if (!QFileInfo::exists(f)) {
            if (m_target.identityFiles.contains(f))
                m_authNotes << QCoreApplication::translate("SshWorker", "%1: no such file").arg(f);
            continue;
        }
        AuthCandidate c;
        c.kind = AuthCandidate::KeyFile;
        c.keyFile = f;
        inspectKeyFile(f, &c.keyType, &c.encrypted);
        m_auth.push_back(c);
    }
}

bool SshWorker::stepAuth()
{
    for (int guard = 0; m_authIndex < m_auth.size() && guard < 64; ++guard) {
        AuthCandidate &c = m_auth[m_authIndex];
        int rc = 0;
        if (c.kind == AuthCandidate::Agent) {
            rc = libssh2_agent_userauth(m_agent, m_user.constData(),
                                        static_cast<libssh2_agent_publickey *>(c.agentIdentity));
        } else {
            if (c.encrypted && !m_havePassphrase) {
                m_phase = Phase::PassphraseWait;
                m_connectDeadline->stop();
                emit passphraseRequired(c.keyFile, m_passphraseTries > 0);
                return false;
            }
            const QByteArray path = QFile::encodeName(c.keyFile);
            const QByteArray pass = m_havePassphrase ? m_passphrase.toUtf8() : QByteArray();
            rc = libssh2_userauth_publickey_fromfile_ex(m_session, m_user.constData(),
                                                        unsigned(m_user.size()), nullptr, path.constData(),
                                                        m_havePassphrase ? pass.constData() : nullptr);
        }
        if (rc == LIBSSH2_ERROR_EAGAIN)
            return true;
        if (rc == 0) {
            qCInfo(lcSsh).noquote() << "authenticated as" << m_user << "with" << c.keyFile;
            m_passphrase.clear();
            onConnected();
            return false;
        }
        if (rc == LIBSSH2_ERROR_SOCKET_DISCONNECT || rc == LIBSSH2_ERROR_SOCKET_RECV ||
            rc == LIBSSH2_ERROR_SOCKET_SEND || rc == LIBSSH2_ERROR_TIMEOUT) {
            fail(sessionError(QCoreApplication::translate("SshWorker", "authenticating"), rc));
            return false;
        }
        qCDebug(lcSsh).noquote() << "key refused:" << c.keyFile << rc << lastErrorText();
        if (c.kind == AuthCandidate::KeyFile && c.encrypted && rc == LIBSSH2_ERROR_FILE) {
            // libssh2 could not decrypt the key: the passphrase was wrong.
            m_havePassphrase = false;
            m_passphrase.clear();
            if (++m_passphraseTries < 3) {
                m_phase = Phase::PassphraseWait;
                m_connectDeadline->stop();
                emit passphraseRequired(c.keyFile, true);
                return false;
            }
            m_authNotes << QCoreApplication::translate("SshWorker", "%1: wrong passphrase").arg(c.keyFile);
        } else {
            if (isRsaType(c.keyType))
                m_rsaRefused = true;
            m_authNotes << QCoreApplication::translate("SshWorker", "%1: refused").arg(c.keyFile);
        }
        m_havePassphrase = false;
        m_passphrase.clear();
        m_passphraseTries = 0;
        ++m_authIndex;
    }
    if (m_authIndex >= m_auth.size())
        authExhausted();
    return false;
}

void SshWorker::answerPassphrase(const QString &keyFile, const std::optional<QString> &passphrase)
{
    if (m_phase != Phase::PassphraseWait || m_authIndex >= m_auth.size() ||
        m_auth[m_authIndex].keyFile != keyFile)
        return;
    m_phase = Phase::Auth;
    m_connectDeadline->start(qMax(1000, m_target.connectTimeoutMs));
    if (!passphrase) {
        m_authNotes << QCoreApplication::translate("SshWorker", "%1: skipped (no passphrase)").arg(keyFile);
        m_passphraseTries = 0;
        ++m_authIndex;
    } else {
        m_passphrase = *passphrase;
        m_havePassphrase = true;
    }
    drive();
}

void SshWorker::authExhausted()
{
#if LIBSSH2_VERSION_NUM < 0x010b00
    if (m_rsaRefused) {
        fail(makeError(
            QCoreApplication::translate("SshWorker", 
                "The server refused the RSA key: libssh2 %1 cannot sign with rsa-sha2-256/512 (it only "
                "offers SHA-1 \"ssh-rsa\", which OpenSSH 8.8+ refuses).")
                .arg(versionMajorMinor()),
            QCoreApplication::translate("SshWorker", 
                "Use an ed25519 key (ssh-keygen -t ed25519) and add it to the server's authorized_keys, or "
                "use a Vigía built against libssh2 1.11 or later."),
            QStringLiteral("auth.rsa-sha1")));
        return;
    }
#endif
    const QString tried =
        m_authNotes.isEmpty() ? QCoreApplication::translate("SshWorker", "no keys were found") : m_authNotes.join(QStringLiteral("; "));
    fail(makeError(
        QCoreApplication::translate("SshWorker", "The server refused every key for user \"%1\" (%2).")
            .arg(QString::fromUtf8(m_user), tried),
        QCoreApplication::translate("SshWorker", "Add your public key to ~/.ssh/authorized_keys on the server, or choose the right "
                       "key file and user in the profile."),
        QStringLiteral("auth.failed")));
}

void SshWorker::onConnected()
{
    m_connectDeadline->stop();
    m_phase = Phase::Connected;
    if (m_agent) {
        libssh2_agent_disconnect(m_agent);
        libssh2_agent_free(m_agent);
        m_agent = nullptr;
    }
    m_auth.clear();
    const int secs = qMax(1, (m_target.keepaliveIntervalMs + 999) / 1000);
    libssh2_keepalive_config(m_session, 1, unsigned(secs));
    m_lastRx = m_clock.elapsed();
    if (m_target.keepaliveIntervalMs > 0)
        m_keepalive->start(qMax(200, m_target.keepaliveIntervalMs));
    setState(SessionState::Connected, m_cipher);
    emit connected(m_cipher, m_mac);
    startQueued();
    serviceChannels();
}

void SshWorker::onKeepalive()
{
    if (m_phase != Phase::Connected || !m_session)
        return;
    const qint64 now = m_clock.elapsed();
    const bool reading = m_readN && m_readN->isEnabled();
    if (!reading) {
        // Nobody reads the socket while every channel is paused or none is
        // open: what waits in the kernel buffer still proves the peer alive.
        int pending = 0;
        if (::ioctl(m_sock, FIONREAD, &pending) == 0 && pending > m_pendingRxProbe) {
            m_lastRx = now;
            m_pendingRxProbe = pending;
        }
        pollfd p{m_sock, short(POLLIN | POLLRDHUP), 0};
        if (::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) && pending == 0) {
            die(makeError(QCoreApplication::translate("SshWorker", "The server closed the connection to %1.").arg(m_target.host),
                          QCoreApplication::translate("SshWorker", "Connect again."), QStringLiteral("conn.lost")));
            return;
        }
        if (pending > kIdleDrainBytes && activeCount() == 0) {
            // Keepalive replies piling up while idle: a channel that opens and
            // closes at once makes libssh2 consume them.
            qCDebug(lcSsh) << "draining" << pending << "idle bytes with a probe channel";
            auto c = std::make_unique<Channel>();
            c->probe = true;
            c->state = ChanState::Opening;
            static quint64 probeIds = 1ull << 62;
            c->id = ++probeIds;
            m_channels.emplace(c->id, std::move(c));
            m_pendingRxProbe = 0;
            drive();
        }
    }
    const qint64 limit = 3 * qint64(qMax(1000, m_target.keepaliveIntervalMs)) + 500;
    if (now - m_lastRx > limit) {
        die(makeError(QCoreApplication::translate("SshWorker", "The connection to %1 is dead: nothing arrived for %2 seconds.")
                          .arg(m_target.host)
                          .arg((now - m_lastRx) / 1000),
                      QCoreApplication::translate("SshWorker", "The server or the network stopped answering; connect again."),
                      QStringLiteral("conn.lost")));
        return;
    }
    int next = 0;
    const int rc = libssh2_keepalive_send(m_session, &next);
    if (rc != 0 && rc != LIBSSH2_ERROR_EAGAIN) {
        die(sessionError(QCoreApplication::translate("SshWorker", "sending a keepalive"), rc));
        return;
    }
    updateNotifiers(m_readN && m_readN->isEnabled());
}

int SshWorker::activeCount() const
{
    int n = 0;
    for (const auto &[id, c] : m_channels)
        if (c->state != ChanState::Queued)
            ++n;
    return n;
}

void SshWorker::exec(quint64 id, const QString &commandLine, const ExecOptions &options)
{
    auto c = std::make_unique<Channel>();
    c->id = id;
    c->options = options;
    const bool usesStdin = !options.stdinData.isEmpty() || options.interactiveStdin;
    c->command = options.pty || options.raw
                     ? commandLine
                     : LoginShell::adapt(
                           RemoteWrapper::wrap(commandLine, usesStdin, m_target.clientTag, m_target.connectionId),
                           m_shellKind);
    c->pendingIn = options.stdinData;
    c->wantEof = options.closeStdinAfterData;
    if (m_phase == Phase::Dead || m_phase == Phase::Idle) {
        ExitInfo e;
        e.error = makeError(QCoreApplication::translate("SshWorker", "Not connected."), QCoreApplication::translate("SshWorker", "Connect first."),
                            QStringLiteral("conn.closed"));
        emit channelFinished(id, e);
        return;
    }
    if (options.timeoutMs > 0) {
        c->deadline = new QTimer(this);
        c->deadline->setSingleShot(true);
        connect(c->deadline, &QTimer::timeout, this, [this, id] {
            auto it = m_channels.find(id);
            if (it == m_channels.end() || it->second->finishedReported)
                return;
            ExitInfo e;
            e.timedOut = true;
            e.error = makeError(QCoreApplication::translate("SshWorker", "The command did not finish within %1 s.")
                                    .arg(it->second->options.timeoutMs / 1000.0),
                                {}, QStringLiteral("exec.timeout"));
            endEarly(*it->second, e);
            drive();
        });
        c->deadline->start(options.timeoutMs);
    }
    m_channels.emplace(id, std::move(c));
    m_queue.push_back(id);
    if (m_phase == Phase::Connected) {
        startQueued();
        drive();
    }
}

void SshWorker::startQueued()
{
    while (!m_queue.empty() && activeCount() < SshConnection::kMaxChannels) {
        const quint64 id = m_queue.front();
        m_queue.pop_front();
        auto it = m_channels.find(id);
        if (it != m_channels.end() && it->second->state == ChanState::Queued)
            it->second->state = ChanState::Opening;
    }
}

void SshWorker::cancel(quint64 id, bool dropped)
{
    auto it = m_channels.find(id);
    if (it == m_channels.end() || it->second->finishedReported)
        return;
    ExitInfo e;
    e.cancelled = true;
    if (dropped)
        it->second->finishedReported = true; // nobody is listening any more
    endEarly(*it->second, e);
    drive();
}

void SshWorker::write(quint64 id, const QByteArray &data)
{
    auto it = m_channels.find(id);
    if (it == m_channels.end() || it->second->wantEof)
        return;
    it->second->pendingIn += data;
    drive();
}

void SshWorker::closeStdin(quint64 id)
{
    auto it = m_channels.find(id);
    if (it == m_channels.end())
        return;
    it->second->wantEof = true;
    drive();
}

void SshWorker::consumed(quint64 id, qint64 bytes)
{
    auto it = m_channels.find(id);
    if (it == m_channels.end())
        return;
    const bool wasPaused = it->second->inFlight >= kMaxInFlight;
    it->second->inFlight -= bytes;
    if (wasPaused && it->second->inFlight < kMaxInFlight)
        drive(); // libssh2 may already hold its data: do not wait for the socket
}

void SshWorker::flush(Channel &c)
{
    if (c.out.isEmpty() && c.err.isEmpty())
        return;
    if (!c.finishedReported) {
        c.inFlight += c.out.size() + c.err.size();
        emit channelOutput(c.id, c.out, c.err);
    }
    c.out = QByteArray();
    c.err = QByteArray();
}

void SshWorker::flushAll()
{
    for (auto &[id, c] : m_channels)
        flush(*c);
}

void SshWorker::finishChannel(Channel &c, const ExitInfo &exit)
{
    flush(c);
    if (c.deadline) {
        c.deadline->stop();
        c.deadline->deleteLater();
        c.deadline = nullptr;
    }
    if (!c.finishedReported && !c.probe) {
        c.finishedReported = true;
        emit channelFinished(c.id, exit);
    }
    c.finishedReported = true;
}

void SshWorker::endEarly(Channel &c, ExitInfo exit)
{
    if (c.state == ChanState::Queued) {
        finishChannel(c, exit);
        std::erase(m_queue, c.id);
        m_channels.erase(c.id);
        return;
    }
    finishChannel(c, exit);
    // Closing the channel closes the wrapper's stdin: it kills the command.
    c.state = ChanState::Zombie;
    c.zombieSince = m_clock.elapsed();
    c.out.clear();
    c.err.clear();
}

void SshWorker::serviceChannels()
{
    startQueued();
    std::vector<quint64> ids;
    ids.reserve(m_channels.size());
    for (const auto &[id, c] : m_channels)
        ids.push_back(id);
    for (quint64 id : ids) {
        auto it = m_channels.find(id);
        if (it == m_channels.end())
            continue;
        if (!serviceChannel(*it->second))
            return; // the session died; everything was failed already
    }
    // Remove what is completely done and start what waited for a slot.
    bool removed = false;
    for (auto it = m_channels.begin(); it != m_channels.end();) {
        if (it->second->state == ChanState::Zombie && !it->second->ch) {
            it = m_channels.erase(it);
            removed = true;
        } else {
            ++it;
        }
    }
    if (removed && !m_queue.empty()) {
        startQueued();
        scheduleDrive();
    }
    bool buffered = false;
    for (const auto &[id, c] : m_channels)
        buffered = buffered || !c->out.isEmpty() || !c->err.isEmpty();
    if (buffered && !m_flushTimer->isActive())
        m_flushTimer->start();
}

bool SshWorker::serviceChannel(Channel &c)
{
    auto sessionFatal = [&](int rc, const QString &what) {
        if (rc == LIBSSH2_ERROR_SOCKET_DISCONNECT || rc == LIBSSH2_ERROR_SOCKET_RECV ||
            rc == LIBSSH2_ERROR_SOCKET_SEND || rc == LIBSSH2_ERROR_SOCKET_TIMEOUT ||
            rc == LIBSSH2_ERROR_TIMEOUT || rc == LIBSSH2_ERROR_DECRYPT || rc == LIBSSH2_ERROR_PROTO) {
            die(sessionError(what, rc));
            return true;
        }
        return false;
    };
    for (int step = 0; step < 16; ++step) {
        switch (c.state) {
        case ChanState::Queued:
            return true;
        case ChanState::Opening: {
            c.ch = libssh2_channel_open_ex(m_session, "session", sizeof "session" - 1, kWindowSize,
                                           LIBSSH2_CHANNEL_PACKET_DEFAULT, nullptr, 0);
            if (!c.ch) {
                const int rc = libssh2_session_last_errno(m_session);
                if (rc == LIBSSH2_ERROR_EAGAIN)
                    return true;
                if (sessionFatal(rc, QCoreApplication::translate("SshWorker", "opening a channel")))
                    return false;
                ExitInfo e;
                e.error = makeError(
                    QCoreApplication::translate("SshWorker", "The server refused to open a channel: %1").arg(lastErrorText()),
                    QCoreApplication::translate("SshWorker", "sshd's MaxSessions may be too low."), QStringLiteral("channel.refused"));
                finishChannel(c, e);
                c.state = ChanState::Zombie; // nothing to close; removed below
                return true;
            }
            if (c.probe) {
                c.state = ChanState::Zombie;
                c.zombieSince = m_clock.elapsed();
                break;
            }
            c.state = c.options.pty ? ChanState::Pty : ChanState::Starting;
            break;
        }
        case ChanState::Pty: {
            const int rc = libssh2_channel_request_pty(c.ch, "xterm");
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return true;
            if (rc != 0) {
                if (sessionFatal(rc, QCoreApplication::translate("SshWorker", "requesting a terminal")))
                    return false;
                ExitInfo e;
                e.error = makeError(QCoreApplication::translate("SshWorker", "The server refused a terminal: %1").arg(lastErrorText()),
                                    {}, QStringLiteral("channel.pty"));
                endEarly(c, e);
                break;
            }
            c.state = ChanState::Starting;
            break;
        }
        case ChanState::Starting: {
            const QByteArray cmd = c.command.toUtf8();
            const int rc =
                libssh2_channel_process_startup(c.ch, "exec", 4, cmd.constData(), unsigned(cmd.size()));
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return true;
            if (rc != 0) {
                if (sessionFatal(rc, QCoreApplication::translate("SshWorker", "starting a command")))
                    return false;
                ExitInfo e;
                e.error = makeError(
                    QCoreApplication::translate("SshWorker", "The server refused to run the command: %1").arg(lastErrorText()), {},
                    QStringLiteral("channel.exec"));
                endEarly(c, e);
                break;
            }
            c.state = ChanState::Running;
            c.out.reserve(kFlushBytes + kReadChunk);
            emit channelStarted(c.id);
            break;
        }
        case ChanState::Running: {
            // stdout and stderr until EAGAIN (or the per-wakeup budget).
            bool eagain[2] = {false, false};
            bool budgetHit = false;
            for (int stream = 0; stream < 2; ++stream) {
                QByteArray &buf = stream == 0 ? c.out : c.err;
                qint64 got = 0;
                while (c.inFlight < kMaxInFlight) {
                    if (got >= kReadBudget) {
                        budgetHit = true;
                        break;
                    }
                    const int before = int(buf.size());
                    buf.resize(before + kReadChunk);
                    const ssize_t rc = libssh2_channel_read_ex(c.ch, stream, buf.data() + before, kReadChunk);
                    buf.resize(before + int(qMax<ssize_t>(rc, 0)));
                    if (rc > 0) {
                        got += rc;
                        if (c.out.size() + c.err.size() >= kFlushBytes)
                            flush(c);
                        continue;
                    }
                    if (rc == LIBSSH2_ERROR_EAGAIN) {
                        eagain[stream] = true;
                        break;
                    }
                    if (rc == 0)
                        break;
                    if (sessionFatal(int(rc), QCoreApplication::translate("SshWorker", "reading command output")))
                        return false;
                    ExitInfo e;
                    e.error = makeError(
                        QCoreApplication::translate("SshWorker", "Reading the command's output failed: %1").arg(lastErrorText()), {},
                        QStringLiteral("channel.read"));
                    endEarly(c, e);
                    return true;
                }
            }
            if (budgetHit)
                scheduleDrive();
            // stdin
            while (!c.pendingIn.isEmpty()) {
                const ssize_t rc =
                    libssh2_channel_write_ex(c.ch, 0, c.pendingIn.constData(), size_t(c.pendingIn.size()));
                if (rc > 0) {
                    c.pendingIn.remove(0, int(rc));
                    continue;
                }
                if (rc == LIBSSH2_ERROR_EAGAIN || rc == 0)
                    break;
                if (sessionFatal(int(rc), QCoreApplication::translate("SshWorker", "writing to a command")))
                    return false;
                c.pendingIn.clear(); // the remote end closed its stdin
                break;
            }
            if (c.wantEof && !c.eofSent && c.pendingIn.isEmpty()) {
                const int rc = libssh2_channel_send_eof(c.ch);
                if (rc == 0)
                    c.eofSent = true;
                else if (rc != LIBSSH2_ERROR_EAGAIN && sessionFatal(rc, QCoreApplication::translate("SshWorker", "closing stdin")))
                    return false;
                else if (rc != LIBSSH2_ERROR_EAGAIN)
                    c.eofSent = true;
            }
            const bool paused = c.inFlight >= kMaxInFlight;
            if (!paused && !budgetHit && (!eagain[0] || !eagain[1]) && libssh2_channel_eof(c.ch)) {
                c.state = ChanState::Closing;
                break;
            }
            return true;
        }
        case ChanState::Closing: {
            int rc = libssh2_channel_close(c.ch);
            if (rc == LIBSSH2_ERROR_EAGAIN)
                return true;
            if (rc == 0) {
                rc = libssh2_channel_wait_closed(c.ch);
                if (rc == LIBSSH2_ERROR_EAGAIN)
                    return true;
            }
            if (rc != 0 && sessionFatal(rc, QCoreApplication::translate("SshWorker", "closing a channel")))
                return false;
            ExitInfo e;
            char *sig = nullptr;
            size_t sigLen = 0;
            libssh2_channel_get_exit_signal(c.ch, &sig, &sigLen, nullptr, nullptr, nullptr, nullptr);
            if (sig) {
                e.exitSignal = QString::fromLatin1(sig, int(sigLen));
                libssh2_free(m_session, sig);
            } else {
                e.exitCode = libssh2_channel_get_exit_status(c.ch);
            }
            finishChannel(c, e);
            libssh2_channel_free(c.ch);
            c.ch = nullptr;
            c.state = ChanState::Zombie;
            return true;
        }
        case ChanState::Zombie: {
            if (!c.ch)
                return true;
            // Drain and drop what is still in flight so the close completes.
            char scratch[16 * 1024];
            for (int i = 0; i < 64; ++i) {
                const ssize_t a = libssh2_channel_read_ex(c.ch, 0, scratch, sizeof scratch);
                const ssize_t b = libssh2_channel_read_ex(c.ch, 1, scratch, sizeof scratch);
                if (a <= 0 && b <= 0)
                    break;
            }
            const int rc = libssh2_channel_close(c.ch);
            const bool expired = m_clock.elapsed() - c.zombieSince > kZombieGraceMs;
            if (rc == LIBSSH2_ERROR_EAGAIN && !expired)
                return true;
            if (rc != 0 && rc != LIBSSH2_ERROR_EAGAIN &&
                sessionFatal(rc, QCoreApplication::translate("SshWorker", "closing a channel")))
                return false;
            // After the grace period the channel is left to libssh2_session_free.
            if (libssh2_channel_free(c.ch) == LIBSSH2_ERROR_EAGAIN && !expired)
                return true;
            c.ch = nullptr;
            return true;
        }
        }
    }
    scheduleDrive();
    return true;
}

void SshWorker::finishAllChannels(const Error &e)
{
    for (auto &[id, c] : m_channels) {
        ExitInfo x;
        x.error = e;
        finishChannel(*c, x);
    }
}

void SshWorker::fail(const Error &e)
{
    if (m_phase == Phase::Connected) {
        die(e);
        return;
    }
    qCInfo(lcSsh).noquote() << "connection failed:" << e.message;
    m_phase = Phase::Dead;
    finishAllChannels(e);
    teardown();
    setState(SessionState::Failed, e.message);
    emit failed(e);
}

void SshWorker::die(const Error &e)
{
    if (m_phase == Phase::Dead)
        return;
    qCInfo(lcSsh).noquote() << "connection lost:" << e.message;
    m_phase = Phase::Dead;
    finishAllChannels(e);
    teardown();
    setState(SessionState::Lost, e.message);
    emit lost(e);
}

void SshWorker::shutdown(const QString &why)
{
    const Error e = makeError(why.isEmpty() ? QCoreApplication::translate("SshWorker", "The connection was closed.") : why, {},
                              QStringLiteral("conn.closed"));
    finishAllChannels(e);
    const bool wasOpen = m_phase != Phase::Idle && m_phase != Phase::Dead;
    m_phase = Phase::Idle;
    teardown();
    if (wasOpen)
        setState(SessionState::Disconnected, e.message);
}

// Teardown often runs inside a notifier's own activated() signal: never
// delete it there, and disable it first so the closed descriptor is not polled.
void SshWorker::dropNotifiers()
{
    for (QSocketNotifier *n : {m_readN, m_writeN}) {
        if (n) {
            n->setEnabled(false);
            n->disconnect(this);
            n->deleteLater();
        }
    }
    m_readN = m_writeN = nullptr;
}

void SshWorker::teardown()
{
    m_connectDeadline->stop();
    m_keepalive->stop();
    m_flushTimer->stop();
    for (auto &[id, c] : m_channels)
        if (c->deadline)
            c->deadline->deleteLater();
    m_channels.clear();
    m_queue.clear();
    dropNotifiers();
    if (m_agent) {
        libssh2_agent_disconnect(m_agent);
        libssh2_agent_free(m_agent);
        m_agent = nullptr;
    }
    if (m_session) {
        // One polite attempt; then shut the socket so nothing below can wait
        // for a peer that may be gone.
        libssh2_session_disconnect(m_session, "Vigía closed the connection");
        if (m_sock >= 0)
            ::shutdown(m_sock, SHUT_RDWR);
        for (int i = 0; i < 16 && libssh2_session_free(m_session) == LIBSSH2_ERROR_EAGAIN; ++i) {
        }
        m_session = nullptr;
    }
    if (m_sock >= 0) {
        ::close(m_sock);
        m_sock = -1;
    }
    m_passphrase.clear();
    m_havePassphrase = false;
}

} // namespace vigia::ssh
