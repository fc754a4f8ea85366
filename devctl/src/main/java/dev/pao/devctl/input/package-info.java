/** Form data from the command line: {@code --set key=value} and YAML/JSON files. */
package dev.pao.devctl.input;
