import MLPScript
