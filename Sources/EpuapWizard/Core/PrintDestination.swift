import EpuapReport

/// Where the wizard's print menu sends the completion checklist.
public enum PrintDestination: Equatable, Sendable {
  /// A CUPS printer by name: the text checklist through `lp -d`, with a copy kept in the documents folder.
  case printer(String)
  /// A file of this format in the user's documents folder.
  case file(ChecklistFormat)
}

/// The rows of the print menu: each printer, then a file in each format.
public enum PrintMenu {
  public struct Item: Equatable, Sendable {
    public var destination: PrintDestination
    public var label: String
  }

  public static let files = [
    Item(destination: .file(.text), label: "Plik tekstowy (80 kolumn) w folderze dokumentów"),
    Item(destination: .file(.html), label: "Plik HTML (A4, do druku z przeglądarki) w folderze dokumentów"),
    Item(destination: .file(.markdown), label: "Plik Markdown w folderze dokumentów"),
  ]

  public static func items(_ printers: PrinterList) -> [Item] {
    printers.names.map { name in
      Item(
        destination: .printer(name),
        label: "Drukarka „\(name)”" + (name == printers.defaultName ? " (domyślna)" : ""))
    } + files
  }
}
