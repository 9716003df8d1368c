#ifndef EPUAP_CNCURSESW_SHIM_H
#define EPUAP_CNCURSESW_SHIM_H
// Wide-character ncurses for Swift. The attribute, colour and key macros of curses.h do not import
// into Swift, so each one used is exposed here as a static inline function.
#define _XOPEN_SOURCE_EXTENDED 1
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// From <ncursesw/term.h>, which is not included: its capability macros (lines, columns, bell, ...)
// would leak into every Swift file that imports this module.
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);
// From <wchar.h>, where glibc declares it only for X/Open sources.
extern int wcwidth(wchar_t);

// The columns the C library gives a character in the current locale; -1 when not printable.
static inline int epuap_wcwidth(wchar_t c) { return wcwidth(c); }

// The character set of the current locale (LC_CTYPE), e.g. "UTF-8" or "ANSI_X3.4-1968" for LANG=C.
static inline const char *epuap_locale_codeset(void) { return nl_langinfo(CODESET); }

static inline int epuap_err(void) { return ERR; }
static inline int epuap_ccharw_max(void) { return CCHARW_MAX; }
static inline int epuap_ok(void) { return OK; }

// Attributes.
static inline attr_t epuap_attr_normal(void) { return A_NORMAL; }
static inline attr_t epuap_attr_bold(void) { return A_BOLD; }
static inline attr_t epuap_attr_reverse(void) { return A_REVERSE; }
static inline attr_t epuap_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t epuap_attr_dim(void) { return A_DIM; }
static inline attr_t epuap_color_pair(short pair) { return (attr_t)COLOR_PAIR(pair); }

// Colours.
static inline short epuap_color_red(void) { return COLOR_RED; }
static inline short epuap_color_green(void) { return COLOR_GREEN; }
static inline short epuap_color_yellow(void) { return COLOR_YELLOW; }
static inline short epuap_color_blue(void) { return COLOR_BLUE; }
static inline short epuap_color_cyan(void) { return COLOR_CYAN; }
static inline short epuap_color_white(void) { return COLOR_WHITE; }
static inline short epuap_color_black(void) { return COLOR_BLACK; }
static inline int epuap_colors(void) { return COLORS; }
static inline int epuap_color_pairs(void) { return COLOR_PAIRS; }

// Keys, as get_wch reports them with KEY_CODE_YES.
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
static inline int epuap_key_f(int n) { return KEY_F(n); }

// Whether a signal is ignored (SIG_IGN cannot be compared in Swift: function pointers are not Equatable).
static inline int epuap_signal_is_ignored(int number) {
  struct sigaction current;
  return sigaction(number, NULL, &current) == 0 && current.sa_handler == SIG_IGN;
}

// Whether the terminal named by $TERM can be driven, without initscr()'s habit of printing an
// English message and calling exit() when it cannot: 1 yes, 0 unknown terminal (or hardcopy),
// -1 no terminfo database. The description loaded for the check is released, and the current one
// (of a screen started before) put back.
static inline int epuap_probe_terminal(int fd) {
  struct term *saved = set_curterm(NULL);
  int status = 0;
  int result = setupterm(NULL, fd, &status);
  struct term *probe = set_curterm(saved);
  if (result != OK) return status == 1 ? 0 : status;
  del_curterm(probe);
  return 1;
}

// From <ncursesw/term.h> as well.
extern char *tigetstr(const char *);

// Whether the terminal on fd can move the cursor (terminfo „cup”): 1 yes, 0 no (TERM=dumb, a line
// console), -1 when TERM is unset or terminfo does not know it.
static inline int epuap_terminal_addresses_cursor(int fd) {
  struct term *saved = set_curterm(NULL);
  int status = 0;
  if (setupterm(NULL, fd, &status) != OK) {
    set_curterm(saved);
    return -1;
  }
  char *move = tigetstr("cup");
  struct term *probe = set_curterm(saved);
  del_curterm(probe);
  return (move != NULL && move != (char *)-1) ? 1 : 0;
}
#endif
