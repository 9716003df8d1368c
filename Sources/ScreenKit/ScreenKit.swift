/// A cell buffer, display width and key events.
public enum ScreenKit {}
