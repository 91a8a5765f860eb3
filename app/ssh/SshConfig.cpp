#include "ssh/SshConfig.h"

#include "core/Log.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QSet>

#include <unistd.h>

namespace vigia::ssh {

namespace {

constexpr int kMaxIncludeDepth = 16;

// Splits the arguments of one config line like OpenSSH's argv_split: blanks
// separate, quotes group, backslash escapes a quote, backslash or blank, and a
// word starting with '#' ends the line.
QStringList splitArgs(const QString &s, bool *unbalanced)
{
    QStringList out;
    QString cur;
    bool inWord = false;
    QChar quote;
    *unbalanced = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (!quote.isNull()) {
            if (c == QLatin1Char('\\') && i + 1 < s.size() &&
                (s.at(i + 1) == quote || s.at(i + 1) == QLatin1Char('\\'))) {
                cur += s.at(++i);
            } else if (c == quote) {
                quote = QChar();
            } else {
                cur += c;
            }
            continue;
        }
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t')) {
            if (inWord) {
                out << cur;
                cur.clear();
                inWord = false;
            }
            continue;
        }
        if (!inWord && c == QLatin1Char('#'))
            break;
        inWord = true;
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('\\') && i + 1 < s.size() &&
                   (s.at(i + 1) == QLatin1Char('"') || s.at(i + 1) == QLatin1Char('\'') ||
                    s.at(i + 1) == QLatin1Char('\\') || s.at(i + 1) == QLatin1Char(' '))) {
            cur += s.at(++i);
        } else {
            cur += c;
        }
    }
    if (!quote.isNull())
        *unbalanced = true;
    if (inWord)
        out << cur;
    return out;
}

bool globMatch(const QString &text, qsizetype ti, const QString &pat, qsizetype pi, int budget)
{
    // Iterative with single backtrack point, like OpenSSH's match_pattern; the
    // budget only guards against pathological patterns.
    qsizetype starP = -1, starT = -1;
    while (ti < text.size()) {
        if (--budget < 0)
            return false;
        if (pi < pat.size() &&
            (pat.at(pi) == QLatin1Char('?') || pat.at(pi).toLower() == text.at(ti).toLower())) {
            ++ti;
            ++pi;
        } else if (pi < pat.size() && pat.at(pi) == QLatin1Char('*')) {
            starP = pi++;
            starT = ti;
        } else if (starP >= 0) {
            pi = starP + 1;
            ti = ++starT;
        } else {
            return false;
        }
    }
    while (pi < pat.size() && pat.at(pi) == QLatin1Char('*'))
        ++pi;
    return pi == pat.size();
}

QString localUserName()
{
    QString u = qEnvironmentVariable("USER");
    if (u.isEmpty())
        u = qEnvironmentVariable("LOGNAME");
    return u;
}

} // namespace

QString SshConfig::defaultPath()
{
    return QDir::homePath() + QStringLiteral("/.ssh/config");
}

bool SshConfig::matchPattern(const QString &text, const QString &pattern)
{
    return globMatch(text, 0, pattern, 0, 100000);
}

bool SshConfig::matchPatternList(const QString &host, const QStringList &patterns)
{
    bool positive = false;
    for (const QString &p : patterns) {
        if (p.startsWith(QLatin1Char('!'))) {
            // A negated match vetoes the whole line, whatever else matched.
            if (matchPattern(host, p.mid(1)))
                return false;
        } else if (matchPattern(host, p)) {
            positive = true;
        }
    }
    return positive;
}

Result<SshConfig> SshConfig::load(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return SshConfig();
    if (!f.open(QIODevice::ReadOnly))
        return makeError(QCoreApplication::translate("SshConfig", "Cannot read %1: %2").arg(path, f.errorString()), QString(),
                         QStringLiteral("sshconfig.unreadable"));
    const QString text = QString::fromUtf8(f.readAll());
    return parse(text, QFileInfo(path).absolutePath(), path);
}

SshConfig SshConfig::parse(const QString &text, const QString &baseDir, const QString &sourceName)
{
    SshConfig cfg;
    cfg.parseInto(text, baseDir.isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh") : baseDir,
                  sourceName.isEmpty() ? QStringLiteral("ssh_config") : sourceName, {}, 0);
    return cfg;
}

void SshConfig::parseInto(const QString &text, const QString &baseDir, const QString &sourceName,
                          const QList<QStringList> &outerConditions, int depth)
{
    // Lines before the first Host apply to every host (within the outer conditions).
    Block current;
    current.conditions = outerConditions;
    // A Host line with no options is kept too: its name is still an alias to import.
    bool freshHostLine = false;
    auto flush = [this, &current, &freshHostLine]() {
        if (!current.options.isEmpty() || (freshHostLine && !current.skipped))
            m_blocks << current;
        current.options.clear();
        freshHostLine = false;
    };

    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int n = 0; n < lines.size(); ++n) {
        QString line = lines.at(n);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString where = QStringLiteral("%1:%2").arg(sourceName).arg(n + 1);
        const QString t = line.trimmed();
        if (t.isEmpty() || t.startsWith(QLatin1Char('#')))
            continue;

        // "Keyword value", "Keyword=value" and "Keyword = value" are all valid.
        qsizetype k = 0;
        while (k < t.size() && !t.at(k).isSpace() && t.at(k) != QLatin1Char('='))
            ++k;
        const QString keyword = t.left(k).toLower();
        qsizetype v = k;
        while (v < t.size() && t.at(v).isSpace())
            ++v;
        if (v < t.size() && t.at(v) == QLatin1Char('='))
            ++v;
        bool unbalanced = false;
        const QStringList args = splitArgs(t.mid(v), &unbalanced);
        if (unbalanced) {
            m_warnings << QCoreApplication::translate("SshConfig", "%1: unbalanced quotes, line ignored").arg(where);
            continue;
        }

        if (keyword == QLatin1String("host")) {
            flush();
            current.conditions = outerConditions;
            current.skipped = false;
            if (args.isEmpty()) {
                m_warnings << QCoreApplication::translate("SshConfig", "%1: Host without patterns").arg(where);
                current.skipped = true;
            } else {
                current.conditions << args;
                freshHostLine = true;
            }
            continue;
        }
        if (keyword == QLatin1String("match")) {
            flush();
            current.conditions = outerConditions;
            current.skipped = true;
            m_warnings << QCoreApplication::translate("SshConfig", "%1: Match blocks are not supported; their settings are ignored")
                              .arg(where);
            continue;
        }
        if (keyword == QLatin1String("include")) {
            if (current.skipped)
                continue;
            if (depth >= kMaxIncludeDepth) {
                m_warnings << QCoreApplication::translate("SshConfig", "%1: Include nested too deeply, ignored").arg(where);
                continue;
            }
            flush();
            for (QString pattern : args) {
                if (pattern.startsWith(QLatin1String("~/")))
                    pattern = QDir::homePath() + pattern.mid(1);
                else if (!QDir::isAbsolutePath(pattern))
                    pattern = baseDir + QLatin1Char('/') + pattern;
                const QFileInfo fi(pattern);
                QStringList files;
                if (fi.fileName().contains(QLatin1Char('*')) || fi.fileName().contains(QLatin1Char('?'))) {
                    const QDir dir = fi.absoluteDir();
                    for (const QString &name : dir.entryList({fi.fileName()}, QDir::Files, QDir::Name))
                        files << dir.filePath(name);
                } else if (fi.isFile()) {
                    files << fi.absoluteFilePath();
                }
                for (const QString &file : std::as_const(files)) {
                    QFile f(file);
                    if (!f.open(QIODevice::ReadOnly)) {
                        m_warnings << QCoreApplication::translate("SshConfig", "%1: cannot read included %2").arg(where, file);
                        continue;
                    }
                    parseInto(QString::fromUtf8(f.readAll()), baseDir, file, current.conditions, depth + 1);
                }
            }
            continue;
        }
        if (current.skipped)
            continue;
        if (args.isEmpty()) {
            m_warnings << QCoreApplication::translate("SshConfig", "%1: %2 without a value").arg(where, keyword);
            continue;
        }
        current.options << Option{keyword, args, where};
    }
    flush();
}

SshHostConfig SshConfig::resolve(const QString &alias, const QString &localUser, const QString &homeDir) const
{
    SshHostConfig r;
    r.alias = alias;
    const QString user = localUser.isEmpty() ? localUserName() : localUser;
    const QString home = homeDir.isEmpty() ? QDir::homePath() : homeDir;

    QSet<QString> seen;
    QStringList rawIdentities;
    QString rawKnownHosts;
    for (const Block &b : m_blocks) {
        if (b.skipped)
            continue;
        bool applies = true;
        bool specific = false;
        for (const QStringList &cond : b.conditions) {
            if (!matchPatternList(alias, cond)) {
                applies = false;
                break;
            }
            if (cond != QStringList{QStringLiteral("*")})
                specific = true;
        }
        if (!applies)
            continue;
        if (specific)
            r.matchedAnyHostBlock = true;
        for (const Option &o : b.options) {
            if (o.keyword == QLatin1String("identityfile")) {
                rawIdentities << o.args.first();
                continue;
            }
            // ssh(1): the first value obtained for a keyword is the one used.
            if (seen.contains(o.keyword))
                continue;
            seen.insert(o.keyword);
            const QString &a = o.args.first();
            if (o.keyword == QLatin1String("hostname")) {
                r.hostName = a;
            } else if (o.keyword == QLatin1String("port")) {
                bool ok = false;
                const uint p = a.toUInt(&ok);
                if (ok && p >= 1 && p <= 65535)
                    r.port = quint16(p);
                else
                    qCWarning(lcProfiles) << o.where << "ignoring invalid Port" << a;
            } else if (o.keyword == QLatin1String("user")) {
                r.user = a;
            } else if (o.keyword == QLatin1String("hostkeyalias")) {
                r.hostKeyAlias = a;
            } else if (o.keyword == QLatin1String("userknownhostsfile")) {
                rawKnownHosts = a;
            } else if (o.keyword == QLatin1String("identitiesonly")) {
                r.identitiesOnly = a.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
            } else if (o.keyword == QLatin1String("proxyjump")) {
                if (a.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0)
                    r.proxyJump = o.args.join(QLatin1Char(' '));
            } else if (o.keyword == QLatin1String("proxycommand")) {
                if (a.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0)
                    r.proxyCommand = o.args.join(QLatin1Char(' '));
            }
        }
    }

    // HostName accepts only %h and %%.
    if (!r.hostName.isEmpty()) {
        QString h;
        for (qsizetype i = 0; i < r.hostName.size(); ++i) {
            const QChar c = r.hostName.at(i);
            if (c == QLatin1Char('%') && i + 1 < r.hostName.size()) {
                const QChar t = r.hostName.at(++i);
                if (t == QLatin1Char('h'))
                    h += alias;
                else if (t == QLatin1Char('%'))
                    h += QLatin1Char('%');
                else
                    h += c + QString(t);
            } else {
                h += c;
            }
        }
        r.hostName = h;
    }
    for (const QString &id : std::as_const(rawIdentities)) {
        const QString expanded = expandSshTokens(id, r, user, home);
        if (!r.identityFiles.contains(expanded))
            r.identityFiles << expanded;
    }
    if (!rawKnownHosts.isEmpty())
        r.userKnownHostsFile = expandSshTokens(rawKnownHosts, r, user, home);
    return r;
}

QStringList SshConfig::aliases() const
{
    QStringList out;
    for (const Block &b : m_blocks) {
        if (b.skipped || b.conditions.isEmpty())
            continue;
        for (const QString &p : b.conditions.last()) {
            if (p.contains(QLatin1Char('*')) || p.contains(QLatin1Char('?')) ||
                p.startsWith(QLatin1Char('!')))
                continue;
            if (!out.contains(p))
                out << p;
        }
    }
    return out;
}

QString expandSshTokens(const QString &value, const SshHostConfig &cfg, const QString &localUser,
                        const QString &homeDir)
{
    QString v = value;
    if (v == QLatin1String("~"))
        v = homeDir;
    else if (v.startsWith(QLatin1String("~/")))
        v = homeDir + v.mid(1);
    QString out;
    out.reserve(v.size());
    for (qsizetype i = 0; i < v.size(); ++i) {
        const QChar c = v.at(i);
        if (c != QLatin1Char('%') || i + 1 >= v.size()) {
            out += c;
            continue;
        }
        const char t = v.at(++i).toLatin1();
        switch (t) {
        case '%':
            out += QLatin1Char('%');
            break;
        case 'h':
            out += cfg.effectiveHost();
            break;
        case 'n':
            out += cfg.alias;
            break;
        case 'p':
            out += QString::number(cfg.port.value_or(22));
            break;
        case 'r':
            out += cfg.user.isEmpty() ? localUser : cfg.user;
            break;
        case 'u':
            out += localUser;
            break;
        case 'd':
            out += homeDir;
            break;
        case 'l':
            out += QHostInfo::localHostName();
            break;
        case 'i':
            out += QString::number(::getuid());
            break;
        default:
            // Unknown tokens stay as written; ssh would refuse the line.
            out += QLatin1Char('%');
            out += v.at(i);
        }
    }
    return out;
}

} // namespace vigia::ssh
