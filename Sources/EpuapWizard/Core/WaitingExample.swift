import EpuapDomain

/// The example the screens give of what a step may wait for outside the office.
///
/// It depends on the role of the one who does the steps: the partner waits above all for the Urząd
/// Marszałkowski's consent (step 3.13), the Urząd Marszałkowski for the partner to have redirected its
/// service cards before the unit is disconnected (section 4). One place, so that the step's row, its
/// keys' help and the prompt agree.
enum WaitingExample {
  /// The example after „na coś spoza urzędu”, in the accusative (as after „czeka na”).
  static func short(for role: Role?) -> String { role == .um ? partnersCards : "zgodę UM" }

  /// The example in the prompt that asks what the step waits for, in the form the reason is printed in
  /// („czeka na: …”).
  static func prompt(for role: Role?) -> String {
    (role == .um ? partnersCards : "zgoda Urzędu Marszałkowskiego") + ", pismo z 2026-11-20"
  }

  /// What UM staff wait for, the same in both forms.
  private static let partnersCards = "przekierowanie kart przez Partnera"
}
