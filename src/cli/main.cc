#include "cli/cli.h"

int main(int argc, char** argv) { return veille::cli::Main(argc, argv); }
