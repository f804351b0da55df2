#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Readline keeps its settings in global variables, which Swift 6 does not let code touch
// directly; these inline functions are the only way mlpsh reads or writes them.

typedef char **(*mlpsh_completion_function)(const char *text, int start, int end);

/// Names the program, leaves SIGINT to the caller, sets the characters that separate
/// words for completion, and installs the completion function.
static inline void mlpsh_rl_setup(const char *name, const char *word_breaks,
                                  mlpsh_completion_function complete) {
  rl_readline_name = name;
  rl_catch_signals = 0;
  rl_catch_sigwinch = 1;
  rl_completer_word_break_characters = (char *)word_breaks;
  rl_attempted_completion_function = complete;
}

/// The line being edited.
static inline const char *mlpsh_rl_line_buffer(void) { return rl_line_buffer; }

/// Tells readline not to fall back to file-name completion, and what to append after a
/// single completion (0 for nothing).
static inline void mlpsh_rl_completion_settings(int append_character) {
  rl_attempted_completion_over = 1;
  rl_completion_append_character = append_character;
}

/// Ctrl-C at the prompt: forget the line being typed.
static inline void mlpsh_rl_cancel_line(void) {
  rl_free_line_state();
  rl_callback_sigcleanup();
  rl_replace_line("", 0);
  rl_point = 0;
  rl_end = 0;
  rl_mark = 0;
}

/// The newest history entry, or NULL.
static inline const char *mlpsh_history_newest(void) {
  HIST_ENTRY *entry = history_get(history_base + history_length - 1);
  return entry ? entry->line : NULL;
}
