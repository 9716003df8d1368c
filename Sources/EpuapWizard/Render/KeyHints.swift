import EpuapDomain

/// The key line at the bottom of each screen and the help overlay's text.
enum KeyHints {
  /// The key line at the bottom: from the screen's key bindings (`KeyBindings`).
  static func line(for model: WizardModel) -> String { KeyBindings.hintLine(for: model) }

  static func help(for model: WizardModel) -> [String] {
    var lines = [
      "Postęp zapisuje się po każdej czynności w dzienniku; możesz przerwać w dowolnej chwili (q) i wrócić później.",
      "Klawisze: ↑↓ lub j/k — wybór; Enter — wybierz; Tab/Shift-Tab — następne/poprzednie pole; Esc — wstecz; "
        + "PgUp/PgDn, Home/End — przewijanie; spacja — przełącz; ? lub F1 — pomoc; q — wyjście.",
      "W polu tekstowym litery wpisują tekst (także ą, ć, ę, ł, ń, ó, ś, ź, ż); ←/→, Home/End, Backspace, Delete edytują. "
        + "Błędną wartość kreator pokazuje z opisem i nie zapisuje, dopóki nie zostanie poprawiona.",
    ]
    switch model.screen {
    case .start:
      lines.append(
        "Ekran startowy: „Nowa jednostka” albo dziennik do wznowienia — wznowienie otwiera pierwszy otwarty krok. "
          + "/ — szukaj w nazwie, identyfikatorze i ścieżce (Esc czyści), s — kolejność: ostatnia zmiana, nazwa, "
          + "identyfikator, postęp."
      )
    case .overview:
      lines.append(
        "Przegląd: [x] zrobione, [-] pominięte, [~] czeka, [ ] do zrobienia; ✗ błędy, ! ostrzeżenia przy kroku. "
          + "f — zakończenie, p — wydruk."
      )
    case .step(let step):
      lines.append(
        "Krok: instrukcja słowami portalu; d lub F2 — oznacz jako zrobione (kreator sprawdza warunki), s — pomiń z powodem "
          + "(kroków wymaganych przez instrukcję nie można pominąć), c — czeka na coś spoza urzędu "
          + "(np. \(WaitingExample.short(for: model.unit?.unit.role))), "
          + "u — przywróć „do zrobienia”, n — następny otwarty krok, o — przegląd.")
      switch model.procedure.step(step.stepID)?.kind {
      case .mailboxes:
        lines.append(
          "Skrytki: a — dodaj, Enter — edytuj adres i działanie (zachowaj / usuń / zablokuj), x — usuń z listy."
        )
      case .perMailbox:
        lines.append(
          "Kroki 3.4–3.9 (i test odbioru 5.5) robi się dla każdej zachowanej skrytki: Enter otwiera jej ustawienia; "
            + "„Edytuj” i „Zapisz” potwierdza się dla każdej skrytki osobno.")
      case .systems:
        lines.append(
          "Systemy: wpisz każdy system z listy „Systemy”. Inne niż \(model.procedure.sekapSystemName) tylko zanotuj."
        )
      case .consent:
        lines.append(
          "„Usuń system” wolno oznaczyć jako zrobione dopiero po zapisaniu zgody Urzędu Marszałkowskiego (kto, kiedy, znak)."
        )
      case .decision:
        lines.append(
          "Decyzja: wybierz sposób odbierania dokumentów; dla innego SOD wpisz dostawcę; d — zatwierdź.")
      case .cards: lines.append("Karty usług: Enter otwiera listę; tam / szuka, a dodaje, Enter edytuje.")
      default: break
      }
    case .settings:
      lines.append(
        "Ustawienia skrytki: wpisz wartości z ePUAP. Gdy dostawca SOD prosi o inną wartość, F4 (lub o) zapisuje ją z powodem."
      )
    case .cardList:
      lines.append(
        "Lista kart: / — szukaj w nazwie, statusie i działaniu (np. „bez decyzji”; wielkość liter i polskie znaki "
          + "bez znaczenia), a — dodaj, x — usuń z listy."
      )
    case .cardForm:
      lines.append(
        "„Usuń” tylko dla karty „Nieaktualna” (najpierw „Wycofaj z publikacji”); przekierowanie wymaga nazwy i adresu URL albo formularza i skrytki."
      )
    case .finish:
      lines.append("Zakończenie: p — wydruk listy kontrolnej do akt i do podpisu Kierownika Jednostki.")
    default: break
    }
    if let keys = KeyBindings.helpLine(for: model) { lines.append(keys) }
    if let contact = model.procedure.contact {
      lines.append("Pytania o system SEKAP, zlecenia i odłączenie: \(contact.line).")
    }
    return lines
  }
}
