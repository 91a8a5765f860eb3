#pragma once
#include <QLabel>

namespace vigia::ui {

// A visible "read-only" mark for the toolbar or status bar of a read-only profile.
class ReadOnlyBadge : public QLabel {
    Q_OBJECT
public:
    explicit ReadOnlyBadge(QWidget *parent = nullptr);
};

} // namespace vigia::ui
