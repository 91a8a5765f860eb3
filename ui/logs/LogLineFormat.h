#pragma once
// One log line as the Logs view shows it: timestamp and source prefix, the ANSI colours, the
// bidirectional controls shown as marks (never applied), and a cut line's notice. Pure text and
// formats, no layout: LogView lays them out and caches the result.
#include "logs/AnsiPalette.h"
#include "logs/LogBuffer.h"

#include <QPalette>
#include <QString>
#include <QTextLayout>

namespace vigia::logs {

struct FormattedLogLine {
    QString text;
    QList<QTextLayout::FormatRange> formats;
    int prefixLength = 0; // timestamp and source, before the line's own text
    int bodyLength = 0;
    bool marker = false;
};

class LogLineFormat {
public:
    struct Options {
        bool timestamps = true;
        bool sources = false;
        int sourceWidth = 0;
        QString sourceName; // the line's source, as the prefix shows it
        int maxDisplayBytes = 64 * 1024;
    };

    static FormattedLogLine format(const LogLineRef &ref, const Options &options, const AnsiPalette &colours,
                                   const QPalette &palette);
    static QString displayTimestamp(qint64 ns);
};

} // namespace vigia::logs
