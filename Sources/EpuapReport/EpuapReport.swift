/// The completion checklist: text, Markdown and HTML renderings of a journal.
public enum EpuapReport {}
