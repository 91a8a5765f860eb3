// known_hosts parsing and appending, against files made by the real ssh-keygen.
#include "ssh/Fingerprint.h"
#include "ssh/KnownHosts.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigia::ssh;

namespace {

QByteArray runOk(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(20000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        qWarning() << program << args << p.readAllStandardError();
    return p.readAllStandardOutput();
}

struct Key {
    QString pubLine; // "ssh-ed25519 AAAA... comment"
    QByteArray blob;
    QString type;
    QString sshKeygenFingerprint;
};

Key makeKey(const QString &dir, const QString &name, const QString &type)
{
    const QString path = dir + QLatin1Char('/') + name;
    runOk(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), type,
                                         QStringLiteral("-N"), QString(), QStringLiteral("-f"), path});
    Key k;
    QFile f(path + QStringLiteral(".pub"));
    if (!f.open(QIODevice::ReadOnly))
        return k;
    k.pubLine = QString::fromLatin1(f.readAll()).trimmed();
    const QStringList parts = k.pubLine.split(QLatin1Char(' '));
    k.type = parts.value(0);
    k.blob = QByteArray::fromBase64(parts.value(1).toLatin1());
    // "256 SHA256:xxxx comment (ED25519)"
    k.sshKeygenFingerprint =
        QString::fromLatin1(runOk(QStringLiteral("ssh-keygen"),
                                  {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"),
                                   QStringLiteral("-f"), path + QStringLiteral(".pub")}))
            .split(QLatin1Char(' '))
            .value(1);
    return k;
}

QString keyPart(const Key &k)
{
    return k.type + QLatin1Char(' ') + k.pubLine.split(QLatin1Char(' ')).value(1);
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestKnownHosts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fingerprintMatchesSshKeygen();
    void keyTypeFromBlob_();
    void hostEntryName();
    void plainEntriesAndGarbage();
    void portEntriesFollowOpenSsh();
    void hashedEntries();
    void mismatchNamesOldKeyAndLine();
    void recordedKeyTypes_();
    void appendAddsExactlyOneLine();
    void appendAfterMissingNewline();
    void appendCreatesFile();
    void missingFileIsEmpty();

private:
    QTemporaryDir m_dir;
    Key m_ed, m_ed2, m_ecdsa;
};

void TestKnownHosts::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_ed = makeKey(m_dir.path(), QStringLiteral("ed"), QStringLiteral("ed25519"));
    m_ed2 = makeKey(m_dir.path(), QStringLiteral("ed2"), QStringLiteral("ed25519"));
    m_ecdsa = makeKey(m_dir.path(), QStringLiteral("ec"), QStringLiteral("ecdsa"));
    QVERIFY(!m_ed.blob.isEmpty());
    QVERIFY(!m_ed2.blob.isEmpty());
    QVERIFY(!m_ecdsa.blob.isEmpty());
    QVERIFY(m_ed.blob != m_ed2.blob);
}

void TestKnownHosts::fingerprintMatchesSshKeygen()
{
    QVERIFY(m_ed.sshKeygenFingerprint.startsWith(QLatin1String("SHA256:")));
    QCOMPARE(sha256Fingerprint(m_ed.blob), m_ed.sshKeygenFingerprint);
    QCOMPARE(sha256Fingerprint(m_ecdsa.blob), m_ecdsa.sshKeygenFingerprint);
    QVERIFY(!sha256Fingerprint(m_ed.blob).contains(QLatin1Char('=')));
}

void TestKnownHosts::keyTypeFromBlob_()
{
    QCOMPARE(keyTypeFromBlob(m_ed.blob), QStringLiteral("ssh-ed25519"));
    QCOMPARE(keyTypeFromBlob(m_ecdsa.blob), QStringLiteral("ecdsa-sha2-nistp256"));
    QCOMPARE(keyTypeFromBlob(QByteArray("\0\0", 2)), QString());
    QCOMPARE(keyTypeFromBlob(QByteArray("\0\0\0\x50"
                                        "abc",
                                        7)),
             QString());
}

void TestKnownHosts::hostEntryName()
{
    QCOMPARE(KnownHosts::hostEntryName(QStringLiteral("vps.example"), 22), QStringLiteral("vps.example"));
    QCOMPARE(KnownHosts::hostEntryName(QStringLiteral("127.0.0.1"), 2222),
             QStringLiteral("[127.0.0.1]:2222"));
}

void TestKnownHosts::plainEntriesAndGarbage()
{
    const QString path = m_dir.filePath(QStringLiteral("kh_plain"));
    const QByteArray content = "# a comment\n"
                               "\n"
                               "this is not a known_hosts line\n"
                               "alpha.example,10.0.0.5 " +
                               keyPart(m_ed).toLatin1() +
                               "\n"
                               "broken ssh-ed25519 !!!notbase64!!!\n"
                               "beta.example " +
                               keyPart(m_ecdsa).toLatin1() +
                               " some comment\n"
                               "@cert-authority *.example " +
                               keyPart(m_ed2).toLatin1() + "\n";
    writeFile(path, content);
    KnownHosts kh(path);
    QVERIFY(kh.load().ok());
    QCOMPARE(kh.skippedLines(), 3);
    QCOMPARE(kh.entryCount(), 3);
    // The junk key for "broken" was skipped, so a real key is unknown there, not a mismatch.
    QCOMPARE(kh.lookup(QStringLiteral("broken"), 22, m_ed.blob).status, KnownHostStatus::Unknown);
    QCOMPARE(kh.lookup(QStringLiteral("alpha.example"), 22, m_ed.blob).status, KnownHostStatus::Match);
    QCOMPARE(kh.lookup(QStringLiteral("10.0.0.5"), 22, m_ed.blob).status, KnownHostStatus::Match);
    QCOMPARE(kh.lookup(QStringLiteral("beta.example"), 22, m_ecdsa.blob).status, KnownHostStatus::Match);
    QCOMPARE(kh.lookup(QStringLiteral("gamma.example"), 22, m_ed.blob).status, KnownHostStatus::Unknown);
    // A key of a type not on record, where another type is: refused like a mismatch, naming
    // the types on record (a downgrade must not look like a new host).
    const KnownHostLookup other = kh.lookup(QStringLiteral("beta.example"), 22, m_ed.blob);
    QCOMPARE(other.status, KnownHostStatus::OtherTypeKnown);
    QCOMPARE(other.recordedTypes, QStringList{m_ecdsa.type});
    // The @cert-authority line was skipped, not read as a plain entry.
    QCOMPARE(kh.lookup(QStringLiteral("*.example"), 22, m_ed2.blob).status, KnownHostStatus::Unknown);
    // Reading never modifies the file.
    QCOMPARE(readFile(path), content);
}

void TestKnownHosts::portEntriesFollowOpenSsh()
{
    const QString path = m_dir.filePath(QStringLiteral("kh_port"));
    writeFile(path, "[127.0.0.1]:2222 " + keyPart(m_ed).toLatin1() + "\n127.0.0.2 " +
                        keyPart(m_ed).toLatin1() + "\n");
    KnownHosts kh(path);
    QVERIFY(kh.load().ok());
    QCOMPARE(kh.lookup(QStringLiteral("127.0.0.1"), 2222, m_ed.blob).status, KnownHostStatus::Match);
    QCOMPARE(kh.lookup(QStringLiteral("127.0.0.1"), 22, m_ed.blob).status, KnownHostStatus::Unknown);
    QCOMPARE(kh.lookup(QStringLiteral("127.0.0.1"), 2223, m_ed.blob).status, KnownHostStatus::Unknown);
    // A plain entry is for port 22 only.
    QCOMPARE(kh.lookup(QStringLiteral("127.0.0.2"), 22, m_ed.blob).status, KnownHostStatus::Match);
    QCOMPARE(kh.lookup(QStringLiteral("127.0.0.2"), 2222, m_ed.blob).status, KnownHostStatus::Unknown);
    QCOMPARE(kh.lookup(QStringLiteral("127.0.0.1"), 2222, m_ed.blob).hostEntry,
             QStringLiteral("[127.0.0.1]:2222"));
}

void TestKnownHosts::hashedEntries()
{
    const QString path = m_dir.filePath(QStringLiteral("kh_hashed"));
    writeFile(path, "hashed.example " + keyPart(m_ed).toLatin1() + "\n[hashed.example]:2200 " +
                        keyPart(m_ecdsa).toLatin1() + "\n");
    runOk(QStringLiteral("ssh-keygen"), {QStringLiteral("-H"), QStringLiteral("-f"), path});
    const QByteArray hashed = readFile(path);
    QVERIFY2(hashed.startsWith("|1|"), hashed.constData());
    QVERIFY(!hashed.contains("hashed.example"));
    KnownHosts kh(path);
    QVERIFY(kh.load().ok());
    QCOMPARE(kh.entryCount(), 2);
    QCOMPARE(kh.lookup(QStringLiteral("hashed.example"), 22, m_ed.blob).status, KnownHostStatus::Match);
    QCOMPARE(kh.lookup(QStringLiteral("hashed.example"), 2200, m_ecdsa.blob).status, KnownHostStatus::Match);
    QCOMPARE(kh.lookup(QStringLiteral("other.example"), 22, m_ed.blob).status, KnownHostStatus::Unknown);
    const KnownHostLookup bad = kh.lookup(QStringLiteral("hashed.example"), 22, m_ed2.blob);
    QCOMPARE(bad.status, KnownHostStatus::Mismatch);
    QCOMPARE(bad.knownFingerprint, m_ed.sshKeygenFingerprint);
    QCOMPARE(bad.knownLine, 1);
}

void TestKnownHosts::mismatchNamesOldKeyAndLine()
{
    const QString path = m_dir.filePath(QStringLiteral("kh_mismatch"));
    writeFile(path, "# header\nfoo " + keyPart(m_ecdsa).toLatin1() + "\ngarbage\n[127.0.0.1]:2222 " +
                        keyPart(m_ed).toLatin1() + "\n");
    KnownHosts kh(path);
    QVERIFY(kh.load().ok());
    const KnownHostLookup r = kh.lookup(QStringLiteral("127.0.0.1"), 2222, m_ed2.blob);
    QCOMPARE(r.status, KnownHostStatus::Mismatch);
    QCOMPARE(r.fingerprint, m_ed2.sshKeygenFingerprint);
    QCOMPARE(r.knownFingerprint, m_ed.sshKeygenFingerprint);
    QCOMPARE(r.knownKeyType, QStringLiteral("ssh-ed25519"));
    QCOMPARE(r.keyType, QStringLiteral("ssh-ed25519"));
    QCOMPARE(r.knownLine, 4);
}

void TestKnownHosts::recordedKeyTypes_()
{
    const QString path = m_dir.filePath(QStringLiteral("kh_types"));
    writeFile(path,
              "[hostx]:2222 " + keyPart(m_ecdsa).toLatin1() + "\nhostx " + keyPart(m_ed).toLatin1() + "\n");
    KnownHosts kh(path);
    QVERIFY(kh.load().ok());
    QCOMPARE(kh.recordedKeyTypes(QStringLiteral("hostx"), 2222),
             QStringList{QStringLiteral("ecdsa-sha2-nistp256")});
    QCOMPARE(kh.recordedKeyTypes(QStringLiteral("hostx"), 22), QStringList{QStringLiteral("ssh-ed25519")});
    QVERIFY(kh.recordedKeyTypes(QStringLiteral("nobody"), 22).isEmpty());
}

void TestKnownHosts::appendAddsExactlyOneLine()
{
    const QString path = m_dir.filePath(QStringLiteral("kh_append"));
    const QByteArray before = "|1|abc|def garbage-but-kept\nalpha " + keyPart(m_ecdsa).toLatin1() + " c\n";
    writeFile(path, before);
    {
        KnownHosts kh(path);
        QVERIFY(kh.load().ok());
        QCOMPARE(kh.lookup(QStringLiteral("127.0.0.1"), 2222, m_ed.blob).status, KnownHostStatus::Unknown);
        QVERIFY(kh.append(QStringLiteral("127.0.0.1"), 2222, m_ed.blob).ok());
        QCOMPARE(kh.lookup(QStringLiteral("127.0.0.1"), 2222, m_ed.blob).status, KnownHostStatus::Match);
    }
    const QByteArray after = readFile(path);
    QVERIFY2(after.startsWith(before), "the existing content must be untouched");
    const QByteArray added = after.mid(before.size());
    QCOMPARE(added.count('\n'), 1);
    QVERIFY(added.endsWith('\n'));
    QVERIFY2(added.startsWith("[127.0.0.1]:2222 ssh-ed25519 "), added.constData());
    // OpenSSH itself finds the new entry.
    const QByteArray found =
        runOk(QStringLiteral("ssh-keygen"),
              {QStringLiteral("-F"), QStringLiteral("[127.0.0.1]:2222"), QStringLiteral("-f"), path});
    QVERIFY2(found.contains("ssh-ed25519"), found.constData());
    KnownHosts again(path);
    QVERIFY(again.load().ok());
    QCOMPARE(again.lookup(QStringLiteral("127.0.0.1"), 2222, m_ed.blob).status, KnownHostStatus::Match);
    const KnownHostLookup mm = again.lookup(QStringLiteral("127.0.0.1"), 2222, m_ed2.blob);
    QCOMPARE(mm.status, KnownHostStatus::Mismatch);
    QCOMPARE(mm.knownLine, 3);
}

void TestKnownHosts::appendAfterMissingNewline()
{
    const QString path = m_dir.filePath(QStringLiteral("kh_nonl"));
    const QByteArray before = "alpha " + keyPart(m_ecdsa).toLatin1(); // no trailing newline
    writeFile(path, before);
    KnownHosts kh(path);
    QVERIFY(kh.load().ok());
    QVERIFY(kh.append(QStringLiteral("beta"), 22, m_ed.blob).ok());
    const QByteArray after = readFile(path);
    QVERIFY(after.startsWith(before + "\nbeta ssh-ed25519 "));
    KnownHosts again(path);
    QVERIFY(again.load().ok());
    QCOMPARE(again.lookup(QStringLiteral("alpha"), 22, m_ecdsa.blob).status, KnownHostStatus::Match);
    QCOMPARE(again.lookup(QStringLiteral("beta"), 22, m_ed.blob).status, KnownHostStatus::Match);
}

void TestKnownHosts::appendCreatesFile()
{
    const QString path = m_dir.filePath(QStringLiteral("newdir/.ssh/known_hosts"));
    KnownHosts kh(path);
    QVERIFY(kh.load().ok());
    QVERIFY(kh.append(QStringLiteral("gamma"), 22, m_ed.blob).ok());
    const QByteArray content = readFile(path);
    QCOMPARE(content.count('\n'), 1);
    QCOMPARE(QFile::permissions(path) &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
}

void TestKnownHosts::missingFileIsEmpty()
{
    KnownHosts kh(m_dir.filePath(QStringLiteral("does-not-exist")));
    QVERIFY(kh.load().ok());
    QCOMPARE(kh.entryCount(), 0);
    QCOMPARE(kh.lookup(QStringLiteral("x"), 22, m_ed.blob).status, KnownHostStatus::Unknown);
}

QTEST_GUILESS_MAIN(TestKnownHosts)
#include "test_knownhosts.moc"
