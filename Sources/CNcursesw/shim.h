#ifndef EPUAP_CNCURSESW_SHIM_H
#define EPUAP_CNCURSESW_SHIM_H
// Wide-character ncurses. Macros (attributes, colour pairs, key codes) do not import into Swift,
// so they are exposed as static inline functions.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline attr_t epuap_attr_normal(void) { return A_NORMAL; }
static inline attr_t epuap_attr_bold(void) { return A_BOLD; }
static inline attr_t epuap_attr_reverse(void) { return A_REVERSE; }
static inline attr_t epuap_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t epuap_attr_dim(void) { return A_DIM; }
static inline int epuap_err(void) { return ERR; }
static inline int epuap_ok(void) { return OK; }
static inline int epuap_key_code_yes(void) { return KEY_CODE_YES; }
static inline int epuap_key_resize(void) { return KEY_RESIZE; }
static inline int epuap_key_up(void) { return KEY_UP; }
static inline int epuap_key_down(void) { return KEY_DOWN; }
static inline int epuap_key_left(void) { return KEY_LEFT; }
static inline int epuap_key_right(void) { return KEY_RIGHT; }
static inline int epuap_key_home(void) { return KEY_HOME; }
static inline int epuap_key_end(void) { return KEY_END; }
static inline int epuap_key_ppage(void) { return KEY_PPAGE; }
static inline int epuap_key_npage(void) { return KEY_NPAGE; }
static inline int epuap_key_dc(void) { return KEY_DC; }
static inline int epuap_key_backspace(void) { return KEY_BACKSPACE; }
static inline int epuap_key_btab(void) { return KEY_BTAB; }
static inline int epuap_key_enter(void) { return KEY_ENTER; }
static inline int epuap_key_f0(void) { return KEY_F0; }
static inline int epuap_color_pair(short pair) { return COLOR_PAIR(pair); }
static inline short epuap_color_black(void) { return COLOR_BLACK; }
static inline short epuap_color_red(void) { return COLOR_RED; }
static inline short epuap_color_green(void) { return COLOR_GREEN; }
static inline short epuap_color_yellow(void) { return COLOR_YELLOW; }
static inline short epuap_color_blue(void) { return COLOR_BLUE; }
static inline short epuap_color_cyan(void) { return COLOR_CYAN; }
static inline short epuap_color_white(void) { return COLOR_WHITE; }
#endif
