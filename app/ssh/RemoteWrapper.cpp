#include "ssh/RemoteWrapper.h"

#include "core/ShellQuote.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace vigia::ssh {

namespace {

// The runtime folder: in $XDG_RUNTIME_DIR (pam_systemd's /run/user/UID, private and in memory),
// else under $TMPDIR or /tmp; either way a real directory owned by us: in a world-writable /tmp
// someone else could have made it first.
// Every command pays for this, so it runs builtins only once the folder exists: sshd sets
// LOGNAME, and `id -u` (a process) is the fallback.
const QString kRuntimeDir = QStringLiteral(
    "vd=\"${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}}/vigia-${LOGNAME:-$(id -u)}\"; "
    "[ -d \"$vd\" ] || mkdir -m 700 -- \"$vd\" 2>/dev/null; "
    "if [ ! -d \"$vd\" ] || [ -L \"$vd\" ] || [ ! -O \"$vd\" ]; then vd=; fi\n");

// Why a wrapper and not a pty: a pty merges stderr into stdout, translates
// newlines and can mangle binary output, and only delivers SIGHUP, which many
// programs ignore. The wrapper keeps the streams separate and exact:
//  - the command runs in its own process group (setsid) with stdin from
//    /dev/null, so the group can be killed as a whole, descendants included;
//  - a watcher blocks in `cat` on the channel's stdin. When the channel is
//    closed (cancel, timeout, dropped connection, sshd killed) sshd closes that
//    pipe, cat sees EOF and the watcher sends TERM to the group, then KILL
//    to whatever is left after two seconds;
//  - otherwise the wrapper waits for the command and exits with its status,
//    re-raising a fatal signal so the channel reports exit-signal like ssh.
// `kill -TERM -PGID`, not `kill -- -PGID`: dash's kill rejects "--".
// The watcher's own output goes to /dev/null so it never holds the channel's
// stdout/stderr open. A command that needs stdin cannot be watched this way
// (the command reads it); it still runs in its own group and dies of SIGPIPE
// or stdin EOF when the channel closes.
// VIGIA_CONN in the command's environment lets the sweep tell our group from a reused pid. The
// record is "PGID WRAPPER-PGID": the second is sshd's group for this channel (wrapper, watcher,
// its cat), ended too so that nothing of the old channel stays.
const QString kStart = QStringLiteral(
    "exec 3<&0\n"
    "if command -v setsid >/dev/null 2>&1; then VIGIA_CONN=\"$3\" setsid sh -c \"$1\" %1 & "
    "else VIGIA_CONN=\"$3\" sh -c \"$1\" %1 & fi\n"
    "p=$!\n");
const QString kWatcher = QStringLiteral(
    "{ cat <&3 >/dev/null 2>&1; kill -TERM -$p 2>/dev/null || kill -TERM $p 2>/dev/null; i=0;"
    " while kill -0 -$p 2>/dev/null && [ $i -lt 20 ]; do sleep 0.1; i=$((i + 1)); done;"
    " kill -KILL -$p 2>/dev/null; } >/dev/null 2>&1 &\n");
const QString kRecord = QStringLiteral(
    "vf=\n"
    "if [ -n \"$2\" ]; then "
    "%1"
    "if [ -n \"$vd\" ]; then read -r _ _ _ _ vg _ </proc/$$/stat 2>/dev/null || vg=0; "
    "vf=\"$vd/$2.$3.$$\"; echo \"$p $vg\" >\"$vf\" 2>/dev/null || vf=; fi; fi\n");
const QString kFinish = QStringLiteral(
    "exec 3<&-\n"
    "wait $p; r=$?\n"
    "if [ -n \"$vf\" ]; then rm -f -- \"$vf\"; fi\n"
    "if [ $r -gt 128 ] && [ $r -lt 160 ]; then kill -$((r - 128)) $$; fi\n"
    "exit $r\n");

// $1: tag, $2: the current connection. A record is TAG.CONNECTION.WRAPPERPID holding
// "PGID WRAPPER-PGID". Identity checks before any kill: the group leader's environment must
// hold VIGIA_CONN=CONNECTION, the wrapper's arguments must hold CONNECTION.
const QString kSweep = QStringLiteral(
    "%1"
    "[ -n \"$vd\" ] || exit 0\n"
    "n=0; pend=\n"
    "for f in \"$vd/$1\".*; do\n"
    "  [ -f \"$f\" ] || continue\n"
    "  rest=${f#\"$vd/$1\".}; c=${rest%%.*}; wp=${rest#*.}\n"
    "  [ \"$c\" = \"$2\" ] && continue\n"
    "  p=; g=; read -r p g <\"$f\" 2>/dev/null\n"
    "  case \"$p$g$wp\" in *[!0-9]*|'') rm -f -- \"$f\"; continue;; esac\n"
    "  if tr '\\000' '\\n' </proc/$p/environ 2>/dev/null | grep -qx \"VIGIA_CONN=$c\"; then\n"
    "    kill -TERM -$p 2>/dev/null || kill -TERM $p 2>/dev/null; echo \"ended $c $p\"; n=$((n + 1)); fi\n"
    "  if [ \"$g\" -gt 1 ] && tr '\\000' '\\n' </proc/$wp/cmdline 2>/dev/null | grep -qx \"$c\"; then\n"
    "    kill -TERM -$g 2>/dev/null; fi\n"
    "  rm -f -- \"$f\"\n"
    "  pend=\"$pend $p\"\n"
    "done\n"
    "[ $n -gt 0 ] || exit 0\n"
    "sleep 2\n"
    "for p in $pend; do kill -KILL -$p 2>/dev/null; done\n"
    "exit 0\n");

} // namespace

QString RemoteWrapper::wrap(const QString &commandLine, bool usesStdin, const QString &tag,
                            const QString &connectionId)
{
    const bool record = isValidId(tag) && isValidId(connectionId);
    const QString recordPart = record ? QString(kRecord).arg(kRuntimeDir) : QString();
    const QString script = usesStdin ? QString(kStart).arg(QStringLiteral("<&3")) + recordPart + kFinish
                                     : QString(kStart).arg(QStringLiteral("</dev/null")) + kWatcher + recordPart +
                                           kFinish;
    QStringList argv{QStringLiteral("sh"), QStringLiteral("-c"), script, QStringLiteral("vigia-wrap"), commandLine};
    if (record)
        argv << tag << connectionId;
    return buildCommandLine(argv);
}

QString RemoteWrapper::sweepCommand(const QString &tag, const QString &currentConnectionId)
{
    if (!isValidId(tag) || !isValidId(currentConnectionId))
        return {};
    return buildCommandLine({QStringLiteral("sh"), QStringLiteral("-c"), QString(kSweep).arg(kRuntimeDir),
                             QStringLiteral("vigia-sweep"), tag, currentConnectionId});
}

QString RemoteWrapper::newId()
{
    const quint64 v = QRandomGenerator::system()->generate64();
    return QStringLiteral("%1").arg(v & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
}

bool RemoteWrapper::isValidId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{12}$"));
    return re.match(id).hasMatch();
}

} // namespace vigia::ssh
