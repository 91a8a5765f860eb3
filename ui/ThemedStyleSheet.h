#pragma once
// A style sheet that depends on the theme and follows it. Qt resolves the
// colours of a style sheet once, so a widget styled with "#fdecea" keeps its
// light banner after a switch to dark. bind() sets the sheet now and sets it
// again whenever the application palette changes.
#include <QObject>
#include <QString>
#include <functional>

class QWidget;

namespace vigia {

class ThemedStyleSheet : public QObject {
    Q_OBJECT
public:
    using Maker = std::function<QString(bool dark)>;

    // Replaces any earlier binding on the widget; an empty maker clears the sheet.
    static void bind(QWidget *widget, Maker maker);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ThemedStyleSheet(QWidget *widget);
    void reapply();

    QWidget *m_widget;
    Maker m_maker;
};

} // namespace vigia
