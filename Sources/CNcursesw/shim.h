#ifndef EPUAP_CNCURSESW_SHIM_H
#define EPUAP_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#endif
