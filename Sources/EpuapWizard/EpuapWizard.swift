/// The wizard: pure state, update and render.
public enum EpuapWizard {}
