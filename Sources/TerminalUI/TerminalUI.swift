/// The ncurses terminal.
public enum TerminalUI {}
