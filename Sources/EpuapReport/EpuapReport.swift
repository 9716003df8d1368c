/// The completion checklist: text, Markdown and HTML renderings of a journal, and printing through CUPS.
///
/// `ChecklistDocument` gathers what the printout says (from a `UnitState`, or read from a journal file with
/// `ChecklistDocument.load`); `TextRenderer`, `MarkdownRenderer` and `HTMLRenderer` lay it out;
/// `writeChecklist(_:format:to:lp:)` writes the file and, with an `LPSender`, prints it.
public enum EpuapReport {}
