// Placeholder until the notebook tool lands.
return 0;
