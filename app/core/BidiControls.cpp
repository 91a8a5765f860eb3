#include "core/BidiControls.h"

namespace vigia {

bool isBidiControl(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
}

bool containsBidiControls(const QString &text)
{
    for (QChar c : text)
        if (isBidiControl(c))
            return true;
    return false;
}

QString showBidiControls(QString text)
{
    for (QChar &c : text)
        if (isBidiControl(c))
            c = kBidiMark;
    return text;
}

} // namespace vigia
