/// Screens measure and cut text with TextLayout's `DisplayWidth` and `ControlCharacters`: whoever draws
/// into a `ScreenBuffer` gets them with `import ScreenKit`.
@_exported import TextLayout
