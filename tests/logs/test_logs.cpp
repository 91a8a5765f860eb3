#include "logs/AnsiText.h"
#include "logs/LogBuffer.h"
#include "logs/LogLineSplitter.h"
#include "logs/LogMatcher.h"
#include "logs/LogMerger.h"
#include "logs/LogStream.h"

#include <QTest>

#include <algorithm>

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

    // A 10 MB line is held as its first 64 KB, the whole of it on disk for copy and save.
    void hugeLineHeldCutAndSpilled()
    {
        LogBuffer buf(10);
        QByteArray big(10 * 1024 * 1024, 'a');
        big[big.size() - 1] = 'z';
        buf.append("small");
        buf.append(big);
        buf.append("small2");
        QCOMPARE(buf.bytesAt(1).size(), LogBuffer::kMaxLineBytes);
        QVERIFY(buf.at(1).isCut());
        QCOMPARE(buf.at(1).fullLength, big.size());
        QVERIFY(!buf.at(0).isCut());
        QCOMPARE(buf.fullLine(1), big);
        QCOMPARE(buf.fullLine(2), QByteArray("small2"));
        QCOMPARE(buf.spillBytes(), big.size());
        QVERIFY2(buf.memoryBytes() < 4 * 1024 * 1024, QByteArray::number(buf.memoryBytes()));
        // Once the cut line is evicted the spill file starts over.
        for (int i = 0; i < 10; ++i)
            buf.append("more");
        QCOMPARE(buf.spillBytes(), 0);
    }

    // The trial: 10 MB lines among ordinary ones took the app from 58 MB to 395 MB, and
    // every further one added 14 MB. Memory now stays flat, and past the spill budget a line is
    // kept cut rather than filling the disk.
    void hostileLinesStayWithinBudget()
    {
        LogBuffer buf(200000);
        buf.setSpillBudget(25 * 1024 * 1024);
        const QByteArray big(10 * 1024 * 1024, 'b');
        for (int i = 0; i < 200; ++i) {
            buf.append(QByteArray("ordinary line ") + QByteArray::number(i));
            if (i % 10 == 0)
                buf.append(big);
        }
        QVERIFY2(buf.memoryBytes() < 8 * 1024 * 1024, QByteArray::number(buf.memoryBytes()));
        QVERIFY(buf.spillBytes() <= 25 * 1024 * 1024);
        QCOMPARE(buf.fullLine(1), big);        // the first two were spilled
        const int last = buf.size() - 10;      // a late one: over the spill budget, held cut
        QVERIFY(buf.at(last).isCut());
        QCOMPARE(buf.fullLine(last).size(), LogBuffer::kMaxLineBytes);
    }

    void byteBudgetEvictsOldest()
    {
        LogBuffer buf(1000000);
        buf.setByteBudget(8 * 1024 * 1024);
        const QByteArray line(60 * 1024, 'c');
        for (int i = 0; i < 1000; ++i)
            buf.append(line);
        QVERIFY2(buf.memoryBytes() <= 8 * 1024 * 1024, QByteArray::number(buf.memoryBytes()));
        QVERIFY(buf.size() > 50);
        QCOMPARE(buf.nextSeq(), 1000);
        QCOMPARE(buf.at(buf.size() - 1).bytes, line);
    }

    // A stream with no line ending is passed on in pieces, not held whole.
    void splitterCapsAnEndlessLine()
    {
        LogLineSplitter sp;
        QList<qsizetype> lines;
        const QByteArray chunk(1024 * 1024, 'x');
        for (int i = 0; i < 40; ++i)
            sp.feed(chunk, [&](QByteArrayView l) { lines << l.size(); });
        QVERIFY(!lines.isEmpty());
        for (qsizetype n : lines)
            QVERIFY(n <= LogLineSplitter::kMaxPartialBytes + chunk.size());
        sp.feed("tail\n", [&](QByteArrayView l) { lines << l.size(); });
        qsizetype total = 0;
        for (qsizetype n : lines)
            total += n;
        QCOMPARE(total, 40 * chunk.size() + 4);
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

    // Faint (2), reverse (7) and strike (9), and their resets: 22 ends bold and faint together.
    void ansiDimInverseStrike()
    {
        const AnsiText t =
            parseAnsi("\x1b[2mfaint\x1b[22m \x1b[1;2mboth\x1b[22mnone \x1b[7;9minv\x1b[27mstr\x1b[29m.");
        QCOMPARE(t.text, QString("faint bothnone invstr."));
        QCOMPARE(t.spans.size(), 4);
        QCOMPARE(t.spans[0], (AnsiSpan{0, 5, -1, -1, false, false, false, true, false, false}));
        QCOMPARE(t.spans[1], (AnsiSpan{6, 4, -1, -1, true, false, false, true, false, false}));
        QCOMPARE(t.spans[2], (AnsiSpan{15, 3, -1, -1, false, false, false, false, true, true}));
        QCOMPARE(t.spans[3], (AnsiSpan{18, 3, -1, -1, false, false, false, false, false, true}));
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
        QVERIFY(uni.matches("cliente pe\xc3\xb1"
                            "a"));
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
    void streamArgs()
    {
        LogRequest r;
        r.ns = "joledev";
        r.pod = "-weird pod";
        r.container = "api";
        r.tailLines = 200;
        const QStringList a = LogStream::buildArgs(r);
        QVERIFY(a.contains("--follow"));
        QVERIFY(a.contains("--tail=200"));
        QCOMPARE(a.mid(a.size() - 2), (QStringList{"--", "-weird pod"}));
        r.previous = true;
        QVERIFY(!LogStream::buildArgs(r).contains("--follow"));
        QVERIFY(LogStream::buildArgs(r).contains("--previous"));
        const QStringList resumed = LogStream::buildArgs(r, qint64(1795749124) * 1000000000LL + 5);
        QVERIFY(resumed.contains("--since-time=2026-11-27T03:12:04.000000005Z"));
        QVERIFY(!resumed.contains("--tail=200"));
    }

    void streamResumeDropsDuplicates()
    {
        LogBuffer buf;
        LogStream s(&buf, 0);
        s.ingest("2026-11-27T03:12:04.000000001Z seq=1\n2026-11-27T03:12:04.000000002Z seq=2\n"
                 "2026-11-27T03:12:04.000000002Z seq=3\n2026-11-27T03:12:04.00000");
        QCOMPARE(buf.size(), 3);
        // The connection drops mid-line; the partial line is discarded and re-sent.
        const QStringList args = s.prepareResume();
        QVERIFY(args.contains("--since-time=2026-11-27T03:12:04.000000002Z"));
        s.ingest("2026-11-27T03:12:04.000000002Z seq=2\n2026-11-27T03:12:04.000000002Z seq=3\n"
                 "2026-11-27T03:12:04.000000003Z seq=4\n");
        QCOMPARE(buf.size(), 5); // 3 + marker + seq=4
        QVERIFY(buf.at(3).flags & LogBuffer::Marker);
        QVERIFY(QString::fromUtf8(buf.at(3).bytes).contains("reconnected at"));
        QCOMPARE(buf.at(4).bytes, QByteArray("seq=4"));
        for (int i = 0; i < buf.size(); ++i)
            QVERIFY(!QString::fromUtf8(buf.at(i).bytes).contains("missing"));
    }

    void streamResumeMarksGap()
    {
        LogBuffer buf;
        LogStream s(&buf, 0);
        s.ingest("2026-11-27T03:12:04.000000001Z seq=1\n");
        s.prepareResume();
        // The server no longer has seq=1 (log rotated): the seam cannot be proven.
        s.ingest("2026-11-27T03:12:09.000000000Z seq=9\n");
        QCOMPARE(buf.size(), 4);
        QVERIFY(QString::fromUtf8(buf.at(2).bytes).contains("may be missing"));
        QCOMPARE(buf.at(3).bytes, QByteArray("seq=9"));
    }
    void matcherHorspoolEdges()
    {
        LogMatcher m(SearchOptions{"aAb", false, false});
        QVERIFY(m.matches("aaab"));
        QVERIFY(m.matches("AAB"));
        QVERIFY(m.matches("xxaab"));
        QVERIFY(!m.matches("aa"));
        QVERIFY(!m.matches("abab"));
        LogMatcher one(SearchOptions{"Z", false, false});
        QVERIFY(one.matches("z"));
        QVERIFY(!one.matches(""));
        LogMatcher punct(SearchOptions{"status=5", false, false});
        QVERIFY(punct.matches("x STATUS=503"));
        QVERIFY(!punct.matches("status=4"));
    }

    void matcherFindAllParallelMatchesSequential()
    {
        // Large enough for the parallel path; every 7th line matches, in order.
        LogBuffer buf(300000);
        for (int i = 0; i < 300000; ++i)
            buf.append(i % 7 == 0 ? QByteArray("hit ") + QByteArray::number(i) : QByteArray("miss"));
        for (bool regex : {false, true}) {
            const QList<int> rows =
                LogMatcher(SearchOptions{regex ? "^HIT \\d+$" : "HIT", regex, false}).findAll(buf);
            QCOMPARE(rows.size(), 300000 / 7 + 1);
            for (int k = 0; k < rows.size(); ++k)
                QCOMPARE(rows[k], k * 7);
        }
    }

    void streamResumeKeepsIdenticalLines()
    {
        // Two identical lines in the same instant are two lines: a resume drops
        // each re-sent copy once, and a third (new) identical line is kept.
        LogBuffer buf;
        LogStream s(&buf, 0);
        s.ingest("2026-11-27T03:12:04.000000001Z same\n2026-11-27T03:12:04.000000001Z same\n");
        s.prepareResume();
        s.ingest("2026-11-27T03:12:04.000000001Z same\n2026-11-27T03:12:04.000000001Z same\n"
                 "2026-11-27T03:12:04.000000001Z same\n2026-11-27T03:12:05.000000000Z next\n");
        QCOMPARE(buf.size(), 5); // 2 + marker + the third "same" + next
        QCOMPARE(buf.at(3).bytes, QByteArray("same"));
        QCOMPARE(buf.at(4).bytes, QByteArray("next"));
    }

    void stripBytesAgreesWithParse()
    {
        const QList<QByteArray> inputs{"plain",
                                       "\x1b[31mred\x1b[0m text",
                                       "abc\x1b",
                                       "abc\x1b[31",
                                       "\x1b[99999999mok",
                                       "\x1b[38;5mok",
                                       "a\x1b]0;title",
                                       "\x1b]8;;http://a\x07link\x1b]8;;\x1b\\x",
                                       "\x1b(Bcharset",
                                       "\xc3\xb1"
                                       "and\xc3\xba \x1b[1m\xe6\x97\xa5\x1b[m"};
        QByteArray out;
        for (const QByteArray &in : inputs) {
            stripAnsiBytes(in, out);
            QCOMPARE(QString::fromUtf8(out), parseAnsi(in).text);
        }
        LogMatcher m(SearchOptions{"RED TEXT", false, false});
        QVERIFY(m.matches("\x1b[31mred\x1b[0m text"));
        LogMatcher re(SearchOptions{"^red t", true, false});
        QVERIFY(re.matches("\x1b[31mred\x1b[0m text"));
    }

    void mergerOrdersAcrossSources()
    {
        LogMerger m(100, 1000);
        m.addSource(0, 0);
        m.addSource(1, 0);
        QList<QByteArray> out;
        auto sink = [&](const LogMerger::Line &l) { out << l.bytes; };
        m.push(0, 10, "a10", 1);
        m.push(0, 30, "a30", 1);
        // Source 1 has sent nothing yet: wait for it during the startup hold.
        QCOMPARE(m.drain(50, sink), 0);
        m.push(1, 20, "b20", 60);
        m.push(1, 40, "b40", 60);
        // Both sources have lines queued: the smallest heads are safe to release
        // until one source runs dry (b40 waits for source 0's next line).
        QCOMPARE(m.drain(61, sink), 3);
        QCOMPARE(out, (QList<QByteArray>{"a10", "b20", "a30"}));
        QCOMPARE(m.pending(), 1);
        // Source 0 stays silent past the hold: b40 goes.
        QCOMPARE(m.drain(60 + 99, sink), 0);
        QCOMPARE(m.drain(60 + 100, sink), 1);
        QCOMPARE(out.last(), QByteArray("b40"));
    }

    void mergerStablePerSource()
    {
        LogMerger m(100, 100);
        m.addSource(0, 0);
        m.addSource(1, 0);
        QList<QByteArray> out;
        auto sink = [&](const LogMerger::Line &l) { out << l.bytes; };
        // Equal timestamps keep arrival order; a line without a timestamp or one
        // going back in time stays right after its predecessor of the same source.
        m.push(0, 10, "a1", 0);
        m.push(1, 10, "b1", 0);
        m.push(0, 0, "a-marker", 0, LogBuffer::Marker);
        m.push(0, 5, "a-backwards", 0);
        m.push(1, 11, "b2", 0);
        m.push(0, 12, "a3", 0);
        QCOMPARE(m.flushAll(sink), 6);
        QCOMPARE(out, (QList<QByteArray>{"a1", "b1", "a-marker", "a-backwards", "b2", "a3"}));
        QCOMPARE(m.pending(), 0);
    }

    void mergerFinishedSourceDoesNotBlock()
    {
        LogMerger m(1000, 5000);
        m.addSource(0, 0);
        m.addSource(1, 0);
        QList<QByteArray> out;
        auto sink = [&](const LogMerger::Line &l) { out << l.bytes; };
        m.push(0, 10, "a", 0);
        QCOMPARE(m.drain(1, sink), 0);
        m.finishSource(1);
        QCOMPARE(m.drain(1, sink), 1);
        QCOMPARE(out, QList<QByteArray>{"a"});
    }

    void mergerRandomisedKeepsOrder()
    {
        // Three sources with interleaved timestamps arriving in random bursts:
        // with every line eventually released, the output is globally sorted and
        // each source's own order is intact.
        LogMerger m(50, 50);
        for (quint16 s = 0; s < 3; ++s)
            m.addSource(s, 0);
        QList<LogMerger::Line> out;
        auto sink = [&](const LogMerger::Line &l) { out << l; };
        quint32 seed = 12345;
        auto rnd = [&]() {
            seed = seed * 1103515245u + 12345u;
            return (seed >> 16) & 0x7fff;
        };
        // Lines are written on one clock and reach us with up to 20 units of
        // delay (less than the hold), each source's stream staying in order.
        struct Ev {
            qint64 arrival;
            quint16 source;
            qint64 ts;
        };
        QList<Ev> events;
        qint64 lastArrival[3] = {0, 0, 0};
        for (qint64 t = 1; t <= 3000; ++t) {
            const quint16 s = quint16(rnd() % 3);
            lastArrival[s] = std::max(lastArrival[s], t + qint64(rnd() % 20));
            events.append(Ev{lastArrival[s], s, t * 10 + s});
        }
        std::stable_sort(events.begin(), events.end(),
                         [](const Ev &x, const Ev &y) { return x.arrival < y.arrival; });
        for (const Ev &e : events) {
            m.drain(e.arrival, sink);
            m.push(e.source, e.ts, QByteArray::number(e.ts), e.arrival);
        }
        m.flushAll(sink);
        QCOMPARE(out.size(), 3000);
        qint64 last[3] = {-1, -1, -1};
        for (int i = 0; i < out.size(); ++i) {
            if (i > 0)
                QVERIFY2(out[i].timestampNs >= out[i - 1].timestampNs, qPrintable(QString::number(i)));
            QVERIFY(out[i].timestampNs > last[out[i].source]);
            last[out[i].source] = out[i].timestampNs;
        }
    }
};

QTEST_GUILESS_MAIN(TestLogs)
#include "test_logs.moc"
