package answers

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
)

// jsonProblem says what is wrong with a line of JSON in the words of the
// file, not Go's: the key that is unknown, or what a key must hold.
func jsonProblem(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return errors.New("not JSON: " + se.Error())
	case errors.As(err, &te) && te.Field == "":
		return errors.New("a line must be a JSON object, not " + jsonKind(te.Value))
	case errors.As(err, &te):
		return errors.New(`"` + te.Field + `" must be ` + goKind(te.Type) + ", not " + jsonKind(te.Value))
	}
	if key, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return errors.New("unknown key " + key)
	}
	return err
}

// jsonKind names a JSON value kind as encoding/json reports it.
func jsonKind(v string) string {
	switch v {
	case "array", "object":
		return "an " + v
	case "bool":
		return "true or false"
	}
	return "a " + v
}

// goKind names what JSON a Go type takes.
func goKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a JSON object"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "another kind of value"
}
