// Nothing to import: this target only runs TestSupport's start-up work (TestStartup.c).
