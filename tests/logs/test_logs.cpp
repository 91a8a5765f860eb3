#include "logs/AnsiText.h"
#include "logs/LogBuffer.h"
#include "logs/LogLineSplitter.h"
#include "logs/LogMatcher.h"

#include <QTest>

using namespace vigia::logs;

class TestLogs : public QObject {
    Q_OBJECT
private slots:
    void ringKeepsNewestAndSeq()
    {
        LogBuffer buf(3);
        for (int i = 0; i < 5; ++i)
            buf.append(QByteArray("line ") + QByteArray::number(i));
        QCOMPARE(buf.size(), 3);
        QCOMPARE(buf.firstSeq(), 2);
        QCOMPARE(buf.nextSeq(), 5);
        QCOMPARE(buf.at(0).bytes, QByteArray("line 2"));
        QCOMPARE(buf.at(0).seq, 2);
        QCOMPARE(buf.at(2).bytes, QByteArray("line 4"));
    }

    void ringFreesBlocks()
    {
        LogBuffer buf(1000);
        const QByteArray line(1000, 'x');
        for (int i = 0; i < 20000; ++i)
            buf.append(line);
        // 1000 lines of 1 KB each must not hold 20 MB of blocks.
        QVERIFY2(buf.memoryBytes() < 4 * 1024 * 1024, QByteArray::number(buf.memoryBytes()));
        QCOMPARE(buf.at(999).bytes, line);
    }

    void ringShrinkAndClear()
    {
        LogBuffer buf(10);
        for (int i = 0; i < 10; ++i)
            buf.append(QByteArray::number(i));
        buf.setCapacity(4);
        QCOMPARE(buf.size(), 4);
        QCOMPARE(buf.at(0).bytes, QByteArray("6"));
        buf.clear();
        QVERIFY(buf.isEmpty());
        QCOMPARE(buf.append("after"), qint64(10)); // seq keeps counting: rows stay identifiable
    }

    void hugeLineKeptWhole()
    {
        LogBuffer buf(10);
        const QByteArray big(10 * 1024 * 1024, 'a');
        buf.append("small");
        buf.append(big);
        buf.append("small2");
        QCOMPARE(buf.bytesAt(1).size(), big.size());
        QCOMPARE(buf.at(2).bytes, QByteArray("small2"));
    }

    void sources()
    {
        LogBuffer buf;
        QCOMPARE(buf.addSource("api-1"), quint16(0));
        QCOMPARE(buf.addSource("api-2"), quint16(1));
        QCOMPARE(buf.addSource("api-1"), quint16(0));
        buf.append("x", 5, 1);
        QCOMPARE(buf.at(0).source, quint16(1));
        QCOMPARE(buf.at(0).timestampNs, qint64(5));
    }

    void ansiColours()
    {
        const AnsiText t = parseAnsi("\x1b[31mred\x1b[0m plain \x1b[1;38;5;208mbold\x1b[m");
        QCOMPARE(t.text, QString("red plain bold"));
        QCOMPARE(t.spans.size(), 2);
        QCOMPARE(t.spans[0], (AnsiSpan{0, 3, 1, -1, false, false, false}));
        QCOMPARE(t.spans[1].start, 10);
        QCOMPARE(t.spans[1].fg, 208);
        QVERIFY(t.spans[1].bold);
    }

    void ansiTrueColourAndOtherSequences()
    {
        const AnsiText t = parseAnsi("\x1b[38;2;1;2;3mx\x1b[2K\x1b]8;;http://a\x07link\x1b]8;;\x07");
        QCOMPARE(t.text, QString("xlink"));
        QCOMPARE(t.spans.first().fg, 0x1000000 | 0x010203);
    }

    void ansiBroken_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("lone ESC at end") << QByteArray("abc\x1b") << QString("abc");
        QTest::newRow("unterminated CSI") << QByteArray("abc\x1b[31") << QString("abc");
        QTest::newRow("CSI with bad final") << QByteArray("a\x1b[31\x01z") << QString("a\u2401z");
        QTest::newRow("huge parameter") << QByteArray("\x1b[99999999999999mok") << QString("ok");
        QTest::newRow("extended colour cut") << QByteArray("\x1b[38;5mok") << QString("ok");
        QTest::newRow("unterminated OSC") << QByteArray("a\x1b]0;title") << QString("a");
    }
    void ansiBroken()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        QCOMPARE(parseAnsi(input).text, expected);
    }

    void hostileBytes()
    {
        QByteArray bytes("nul\0byte", 8);
        bytes += "\xff\xfe invalid \xc3";
        const QString text = stripAnsi(bytes);
        QVERIFY(text.startsWith(QString("nul") + QChar(0x2400) + "byte"));
        QVERIFY(text.contains(QChar(0xfffd)));
        QCOMPARE(stripAnsi("plain ñandú 日本"), QString::fromUtf8("plain ñandú 日本"));
    }

    void splitterEndings()
    {
        LogLineSplitter s;
        QList<QByteArray> lines;
        auto sink = [&](QByteArrayView l) { lines << l.toByteArray(); };
        s.feed("a\nb\r\nc\rd", sink);
        QCOMPARE(lines, (QList<QByteArray>{"a", "b", "c"}));
        s.feed("e\r", sink);
        s.feed("\nf\n\n", sink);
        QCOMPARE(lines, (QList<QByteArray>{"a", "b", "c", "de", "f", ""}));
        s.feed("tail", sink);
        QVERIFY(s.hasPartial());
        s.finish(sink);
        QCOMPARE(lines.last(), QByteArray("tail"));
    }

    void splitterEveryBoundary()
    {
        const QByteArray stream("one\r\ntwo\nthree\rfour\r\n\r\nsix\n");
        const QList<QByteArray> expected{"one", "two", "three", "four", "", "six"};
        for (int cut = 0; cut <= stream.size(); ++cut) {
            LogLineSplitter s;
            QList<QByteArray> lines;
            auto sink = [&](QByteArrayView l) { lines << l.toByteArray(); };
            s.feed(QByteArrayView(stream).first(cut), sink);
            s.feed(QByteArrayView(stream).sliced(cut), sink);
            s.finish(sink);
            QCOMPARE(lines, expected);
        }
    }

    void timestamps()
    {
        QByteArrayView rest;
        const qint64 ns = parseLogTimestamp("2026-11-27T03:12:04.123456789Z hello", &rest);
        QCOMPARE(ns, qint64(1795749124) * 1000000000LL + 123456789);
        QCOMPARE(rest.toByteArray(), QByteArray("hello"));
        QCOMPARE(formatLogTimestamp(ns), QByteArray("2026-11-27T03:12:04.123456789Z"));
        QCOMPARE(parseLogTimestamp("2026-11-27T03:12:04Z x", &rest), qint64(1795749124) * 1000000000LL);
        QCOMPARE(parseLogTimestamp("2026-11-27T05:12:04.5+02:00 x", &rest),
                 qint64(1795749124) * 1000000000LL + 500000000);
        QCOMPARE(parseLogTimestamp("not a timestamp", &rest), qint64(0));
        QCOMPARE(rest.toByteArray(), QByteArray("not a timestamp"));
        QCOMPARE(parseLogTimestamp("2026-13-27T03:12:04Z", &rest), qint64(0));
    }
    void matcherPlainAndCase()
    {
        LogMatcher ci(SearchOptions{"error", false, false});
        QVERIFY(ci.matches("level=ERROR msg=x"));
        QVERIFY(ci.matches("an error"));
        QVERIFY(!ci.matches("erro r"));
        LogMatcher cs(SearchOptions{"Error", false, true});
        QVERIFY(!cs.matches("level=ERROR"));
        QVERIFY(cs.matches("Error: x"));
        LogMatcher uni(SearchOptions{QString::fromUtf8("PEÑA"), false, false});
        QVERIFY(uni.matches("cliente pe\xc3\xb1" "a"));
        QVERIFY(!uni.matches("cliente pena"));
    }

    void matcherSeesThroughAnsi()
    {
        LogMatcher m(SearchOptions{"red text", false, false});
        QVERIFY(m.matches("\x1b[31mred\x1b[0m text"));
        QCOMPARE(m.ranges("x red text red text").size(), 2);
    }

    void matcherRegex()
    {
        LogMatcher bad(SearchOptions{"(unclosed", true, false});
        QVERIFY(!bad.isValid());
        QVERIFY(!bad.errorString().isEmpty());
        QVERIFY(!bad.matches("(unclosed"));
        LogMatcher re(SearchOptions{"seq=\\d+7$", true, false});
        QVERIFY(re.matches("x seq=17"));
        QVERIFY(!re.matches("x seq=18"));
        const auto r = re.ranges("seq=27");
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.first(), (std::pair<int, int>{0, 6}));
    }

    void matcherFindAll()
    {
        LogBuffer buf;
        for (int i = 0; i < 100; ++i)
            buf.append(QByteArray("line ") + QByteArray::number(i));
        LogMatcher m(SearchOptions{"line 1", false, true});
        const QList<int> rows = m.findAll(buf);
        QCOMPARE(rows.size(), 11); // 1 and 10..19
        QCOMPARE(rows.first(), 1);
        QVERIFY(LogMatcher().matches("anything"));
    }
};

QTEST_GUILESS_MAIN(TestLogs)
#include "test_logs.moc"
